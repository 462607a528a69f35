import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { tabTo, typeInto } from "./keyboard-helpers";
import { openEmail } from "./mailbox";
import { expectAccessible, signIn, uniqueEmail, watchConsole } from "./support";

const PAT = { email: "pat.morgan@northside.example", password: "northside-demo-pass" };
const SHOTS = process.env.HELP_SCREENSHOTS_DIR ?? "test-results/help-screenshots";

/** The page at desktop and phone widths, for a person to look at; accessible at both. */
async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    await expectAccessible(page);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("a visitor searches the FAQ, follows an answer's link, and sends Contact us: a case number and its email", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchConsole(page);
  const email = uniqueEmail("robin");

  await page.goto("/");
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Help" }).click();
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.getByRole("heading", { level: 1, name: "Help Center" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "If you are a provider" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "If you are a billing organization" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("17 questions match");
  await expect(page.getByRole("heading", { level: 2, name: "Your cases" })).toHaveCount(0);
  await expectAccessible(page);
  await screenshots(page, "help");

  // The list filters as you type; the live region says how many match.
  await page.getByRole("searchbox", { name: "Search the questions" }).fill("non-payment");
  await expect(page.getByRole("status")).toHaveText("1 question matches");
  await expect(page.getByRole("heading", { level: 3 })).toHaveText(["I received a non-payment notice. How do I register?"]);
  await expect(page).toHaveURL(/\/help\?q=non-payment$/);
  await expectAccessible(page);
  await screenshots(page, "help-search");
  await page.getByRole("searchbox", { name: "Search the questions" }).fill("zebra");
  await expect(page.getByRole("status")).toHaveText("No questions match");
  await page.getByRole("searchbox", { name: "Search the questions" }).fill("non-payment");

  // Each answer leads to the page that does what it says.
  await page.getByRole("link", { name: /Register with a non-payment notice/ }).click();
  await expect(page).toHaveURL(/\/register\/provider\/notice$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("non-payment notice");
  // Back returns to the search as it was.
  await page.goBack();
  await expect(page.getByRole("searchbox", { name: "Search the questions" })).toHaveValue("non-payment");
  await expect(page.getByRole("status")).toHaveText("1 question matches");

  await page.goto("/help");
  await page.getByRole("link", { name: "Contact us", exact: true }).click();
  await expect(page).toHaveURL(/\/help\/contact$/);
  await expect(page.getByRole("heading", { level: 1, name: "Contact us" })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, "contact");

  // Nothing filled in: every field's problem at once.
  await page.getByRole("button", { name: "Send to a representative" }).click();
  const alert = page.locator("form").getByRole("alert");
  await expect(alert).toContainText("Please correct the 5 fields marked below.");
  await expect(alert).toBeFocused();
  await expectAccessible(page);
  await screenshots(page, "contact-errors");

  await page.getByRole("radio", { name: /My PIN letter did not arrive/ }).check();
  await page.getByRole("textbox", { name: "Tax ID", exact: true }).fill("41-5678901");
  await page.getByRole("textbox", { name: "Your message" }).fill("We registered by US Mail three weeks ago; no letter yet.");
  await page.getByRole("textbox", { name: "Your name" }).fill("Robin Diaz");
  await page.getByRole("textbox", { name: "Your email" }).fill("robin@");
  await page.getByRole("button", { name: "Send to a representative" }).click();
  await expect(alert).toContainText("Please correct the field marked below.");
  // What was typed is kept.
  await expect(page.getByRole("textbox", { name: "Your message" })).toHaveValue("We registered by US Mail three weeks ago; no letter yet.");
  await expect(page.getByRole("radio", { name: /My PIN letter did not arrive/ })).toBeChecked();
  await page.getByRole("textbox", { name: "Your email" }).fill(email);
  await page.getByRole("button", { name: "Send to a representative" }).click();

  await expect(page).toHaveURL(/\/help\/contact\/received\?case=\d+$/);
  const confirmation = page.getByRole("status").filter({ hasText: /Your case number is C-\d+/ });
  await expect(confirmation).toBeFocused();
  const caseNumber = (await confirmation.innerText()).match(/C-\d+/)![0];
  await expectAccessible(page);
  await screenshots(page, "contact-received");

  const { text } = await openEmail(page, email, new RegExp(`We received your request \\(case ${caseNumber}\\)`));
  expect(text).toContain(caseNumber);
  expect(text).toContain("Tax ID 41-5678901");

  expect(problems).toEqual([]);
  await context.close();
});

test("the FAQ search works without JavaScript (a GET form)", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/help");
  await page.getByRole("searchbox", { name: "Search the questions" }).fill("mailed pin");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/help\?q=mailed\+pin$/);
  await expect(page.getByRole("status")).toHaveText("1 question matches");
  await expect(page.getByRole("heading", { level: 3 })).toHaveText(["I don't have a HealthPartners check. How do I register?"]);
  await expect(page.getByRole("searchbox", { name: "Search the questions" })).toHaveValue("mailed pin");
  await context.close();
});

test("signed in as Pat: Help in the portal, Contact us prefilled from the account, and the case listed with its status", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchConsole(page);

  await page.goto("/signin");
  await signIn(page, PAT.email, PAT.password);
  await expect(page).toHaveURL(/\/access$/);
  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Help" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Help Center" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Your cases" })).toBeVisible();
  await expectAccessible(page);

  // "Add a Tax ID without a check" in Tax ID & NPI access leads here.
  await page.goto("/access/add");
  await page.getByRole("link", { name: /Contact a representative/ }).click();
  await expect(page).toHaveURL(/\/help\/contact\?topic=add-tax-id$/);
  await expect(page.getByRole("radio", { name: /Add a Tax ID without a check/ })).toBeChecked();
  await expect(page.getByRole("textbox", { name: "Your name" })).toHaveValue("Pat Morgan");
  await expect(page.getByRole("textbox", { name: "Your email" })).toHaveValue(PAT.email);
  await expect(page.getByRole("textbox", { name: "Your phone (optional)" })).not.toHaveValue("");
  await expectAccessible(page);
  await screenshots(page, "contact-signed-in");

  await page.getByRole("textbox", { name: "Tax ID", exact: true }).fill("41-5678901");
  await page.getByRole("textbox", { name: "Your message" }).fill("Northside now also bills for Birchwood Clinic; we have no check from them yet.");
  await page.getByRole("button", { name: "Send to a representative" }).click();
  const confirmation = page.getByRole("status").filter({ hasText: /Your case number is C-\d+/ });
  await expect(confirmation).toBeFocused();
  const caseNumber = (await confirmation.innerText()).match(/C-\d+/)![0];
  await expectAccessible(page);

  await page.getByRole("link", { name: "See your cases" }).click();
  await expect(page).toHaveURL(/\/help#your-cases$/);
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: caseNumber }) });
  await expect(row.getByRole("cell")).toHaveText([/Add a Tax ID without a check\s*Tax ID 41-5678901/, /\w{3} \d{1,2}, \d{4}/, "Open"]);
  // Newest first.
  await expect(page.getByRole("table").getByRole("rowheader").first()).toHaveText(caseNumber);
  await expectAccessible(page);
  await screenshots(page, "help-your-cases");

  const { text } = await openEmail(page, PAT.email, new RegExp(`We received your request \\(case ${caseNumber}\\)`));
  expect(text).toContain("Add a Tax ID without a check");

  expect(problems).toEqual([]);
  await context.close();
});

test("keyboard only: from the header to the FAQ, a search, and Contact us sent", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchConsole(page);

  await page.goto("/");
  await tabTo(page, page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Help" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Help Center" })).toBeVisible();
  await typeInto(page, page.getByRole("searchbox", { name: "Search the questions" }), "left our organization");
  await expect(page.getByRole("status")).toHaveText("1 question matches");
  await tabTo(page, page.getByRole("link", { name: /Find my delegate/ }).last());
  await tabTo(page, page.getByRole("link", { name: "Contact us", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Contact us" })).toBeVisible();

  // The topics are one radio group: Tab into it, arrows to choose.
  await tabTo(page, page.getByRole("radio", { name: /Add a Tax ID without a check/ }));
  for (let i = 0; i < 3; i += 1) await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: /Something else/ })).toBeChecked();
  await typeInto(page, page.getByRole("textbox", { name: "Your message" }), "Where do I change the address of record?");
  await typeInto(page, page.getByRole("textbox", { name: "Your name" }), "Alex Kim");
  await typeInto(page, page.getByRole("textbox", { name: "Your email" }), uniqueEmail("alex"));
  await tabTo(page, page.getByRole("button", { name: "Send to a representative" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /Your case number is C-\d+/ })).toBeFocused();
  await tabTo(page, page.getByRole("link", { name: "Back to the Help Center" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Help Center" })).toBeVisible();
  await expectAccessible(page);

  expect(problems).toEqual([]);
  await context.close();
});
