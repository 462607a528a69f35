import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { tabTo, typeInto } from "./keyboard-helpers";
import { openEmail } from "./mailbox";
import { expectAccessible, fillCheckRegistration, openCheckRegistration, signIn, uniqueEmail, watchConsole } from "./support";

const PAT = { email: "pat.morgan@northside.example", password: "northside-demo-pass" };
const RILEY = { email: "riley.reyes@staff.example", password: "staff-demo-password" };
const CONSOLE_404 = "console.error: Failed to load resource: the server responded with a status of 404 (Not Found)";
const SHOTS = process.env.E2E_SCREENSHOTS_DIR ?? "/tmp/staff-cases-screenshots";

async function newPage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchConsole(page);
  page.on("response", (response) => {
    if (response.status() === 404) problems.push(`404: ${new URL(response.url()).pathname}`);
  });
  return { page, problems };
}

/** A visitor reports Maple Grove Family Medicine through "My provider is not listed"; returns the case number (C-…). */
async function reportNotListed(page: Page, email: string, provider = { organizationName: "Maple Grove Family Medicine", taxId: "41-7654321" }): Promise<string> {
  await page.goto("/register/provider/not-listed");
  await page.getByRole("textbox", { name: "Provider or organization name" }).fill(provider.organizationName);
  await page.getByRole("textbox", { name: "Tax ID" }).fill(provider.taxId);
  await page.getByRole("textbox", { name: "Street address" }).fill("700 Maple Ave");
  await page.getByRole("textbox", { name: "City" }).fill("Maple Grove");
  await page.getByRole("combobox", { name: "State" }).selectOption("MN");
  await page.getByRole("textbox", { name: "ZIP code" }).fill("55369");
  await page.getByRole("textbox", { name: "Practice phone" }).fill("763-555-0100");
  await page.getByRole("textbox", { name: "Your first name" }).fill("Jamie");
  await page.getByRole("textbox", { name: "Your last name" }).fill("Fox");
  await page.getByRole("textbox", { name: "Your work email" }).fill(email);
  await page.getByRole("textbox", { name: "Your work phone" }).fill("763-555-0111");
  await page.getByRole("textbox", { name: "How can we help?" }).fill("We opened in March and bill under this Tax ID.");
  await page.getByRole("button", { name: "Send to a representative" }).click();
  const caseTitle = page.getByText(/^Your case number is C-\d+$/);
  await expect(caseTitle).toBeVisible();
  return (await caseTitle.innerText()).replace("Your case number is ", "");
}

/** Pat asks a representative to add Birchwood Clinic's Tax ID without a check; returns the case number. */
async function contactAsPat(page: Page): Promise<string> {
  await page.goto("/signin");
  await signIn(page, PAT.email, PAT.password);
  await expect(page).toHaveURL(/\/access$/);
  // Tax ID & NPI access → Add a Tax ID or NPI → Contact a representative leads to Contact us, topic chosen.
  await page.goto("/access/add/contact");
  await expect(page).toHaveURL(/\/help\/contact\?topic=add-tax-id$/);
  await page.getByRole("textbox", { name: "Tax ID", exact: true }).fill("41-5678901");
  await page.getByRole("textbox", { name: "Your message" }).fill("I now also manage Birchwood Clinic's front desk; we have no checks yet.");
  await page.getByRole("button", { name: "Send to a representative" }).click();
  const received = page.getByText(/Your case number is C-\d+/).first();
  await expect(received).toBeVisible();
  return /C-\d+/.exec(await received.innerText())![0];
}

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    // No sideways scrolling on a phone: the queue turns into cards, the case page into one column.
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width}px`).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a visitor and a provider user opening the console get 404", async ({ browser }) => {
  const visitor = await newPage(browser);
  for (const path of ["/staff", "/staff/cases", "/staff/cases/1001"]) {
    const response = await visitor.page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(visitor.page.getByRole("heading", { level: 1, name: "We can't find that page" })).toBeVisible();
  }
  await expectAccessible(visitor.page);

  const pat = await newPage(browser);
  await pat.page.goto("/signin");
  await signIn(pat.page, PAT.email, PAT.password);
  await expect(pat.page).toHaveURL(/\/access$/);
  for (const path of ["/staff", "/staff/cases", "/staff/cases/1001"]) {
    const response = await pat.page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(pat.page.getByRole("heading", { level: 1, name: "We can't find that page" })).toBeVisible();
  }
  await expectAccessible(pat.page);
  // Chromium logs each 404 document it loads: those six are the answers this test asks for, nothing else may appear.
  const problems = [...visitor.problems, ...pat.problems];
  const expected = (problem: string) => problem === CONSOLE_404 || /^404: \/staff/.test(problem);
  expect(problems.filter((problem) => problem.startsWith("404: "))).toHaveLength(6);
  expect(problems.filter((problem) => !expected(problem))).toEqual([]);
});

test("a not-listed case and a Contact us case reach Riley's queue; Riley assigns, notes, replies and resolves them", async ({ browser }) => {
  const visitor = await newPage(browser);
  const pat = await newPage(browser);
  const riley = await newPage(browser);
  const jamieEmail = uniqueEmail("jamie");

  const notListed = await reportNotListed(visitor.page, jamieEmail);
  const contact = await contactAsPat(pat.page);

  // Riley signs in (two steps) and lands on the console.
  const page = riley.page;
  await page.goto("/signin");
  await signIn(page, RILEY.email, RILEY.password);
  await expect(page).toHaveURL(/\/staff$/);
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Cases" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cases" })).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("row").filter({ hasText: notListed })).toContainText("Provider not listed");
  await expect(table.getByRole("row").filter({ hasText: notListed })).toContainText("Jamie Fox");
  await expect(table.getByRole("row").filter({ hasText: contact })).toContainText("Contact us");
  await expect(table.getByRole("row").filter({ hasText: contact })).toContainText("41-5678901");
  await expectAccessible(page);
  await screenshot(page, "queue");

  // A filtered view is a link.
  await page.getByRole("combobox", { name: "Type" }).selectOption("contact_us");
  await page.getByRole("combobox", { name: "Order" }).selectOption("newest");
  await page.getByRole("button", { name: "Show cases" }).click();
  await expect(page).toHaveURL(/\/staff\/cases\?type=contact_us&status=&order=newest$/);
  await expect(table.getByRole("row").filter({ hasText: contact })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: notListed })).toHaveCount(0);
  await expectAccessible(page);

  // The Contact us case, with the mouse.
  await table.getByRole("link", { name: contact }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Case ${contact}` })).toBeVisible();
  await expect(page.getByText("I now also manage Birchwood Clinic's front desk; we have no checks yet.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Assign to me" }).click();
  await expect(page.getByText("The case is assigned to you.")).toBeVisible();
  await expect(page.getByText("Riley Reyes (you)")).toBeVisible();
  await page.getByRole("textbox", { name: "Note", exact: true }).fill("Called Birchwood: Pat works there.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByText("Note added to the history.")).toBeVisible();
  await page.getByRole("textbox", { name: /Message to Pat Morgan/ }).fill("We checked with Birchwood Clinic.\nAsk its delegate to invite you.");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByText("Reply sent by email. It is in the history.")).toBeVisible();
  await page.getByRole("textbox", { name: "Closing note (optional)" }).fill("Explained how to be invited.");
  await page.getByRole("button", { name: "Resolve case" }).click();
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toContainText("Resolved: Explained how to be invited.");
  await expect(history).toContainText("Called Birchwood: Pat works there.");
  await expect(history).toContainText(`Reply emailed to ${PAT.email}`);
  await expect(page.getByRole("region", { name: "Summary" })).toContainText("Resolved");
  await expectAccessible(page);

  // Pat receives the reply.
  const patReply = await openEmail(pat.page, PAT.email, new RegExp(`About your case ${contact}`));
  expect(patReply.text).toContain("We checked with Birchwood Clinic.");
  expect(patReply.text).toContain("Riley R.");

  // The not-listed case, by keyboard alone.
  await page.goto(`/staff/cases/${notListed.replace("C-", "")}`);
  await expect(page.getByRole("heading", { level: 1, name: `Case ${notListed}` })).toBeVisible();
  await expect(page.getByText("Maple Grove Family Medicine").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Grant access to this Tax ID" })).toContainText("has no portal account");
  await screenshot(page, "case");
  await tabTo(page, page.getByRole("button", { name: "Assign to me" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("The case is assigned to you.")).toBeVisible();
  await typeInto(page, page.getByRole("textbox", { name: /Message to Jamie Fox/ }), "Thank you. We are adding Maple Grove Family Medicine to our records.");
  await tabTo(page, page.getByRole("button", { name: "Send reply" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Reply sent by email. It is in the history.")).toBeVisible();
  await typeInto(page, page.getByRole("textbox", { name: "Note", exact: true }), "Sent to provider data for the records.");
  await tabTo(page, page.getByRole("button", { name: "Add note" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Note added to the history.")).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Resolve case" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "History" })).toContainText("Resolved.");
  await expect(page.getByRole("button", { name: "Resolve case" })).toHaveCount(0);
  await expectAccessible(page);

  const jamieReply = await openEmail(visitor.page, jamieEmail.toLowerCase(), new RegExp(`About your case ${notListed}`), /\/help$/);
  expect(jamieReply.text).toContain("We are adding Maple Grove Family Medicine to our records.");

  // Both are resolved in the queue.
  await page.goto("/staff/cases?status=resolved");
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: notListed })).toContainText("Resolved");
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: contact })).toContainText("Resolved");
  await expectAccessible(page);

  // The dashboard draws the work: today's registrations and letters, the billing requests, the case backlog (none open now).
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  for (const chart of ["Registrations per day, by method", "Open cases by age", "Billing requests by status", "Pending billing requests by age"]) {
    await expect(page.getByRole("figure", { name: chart }).getByRole("img", { name: new RegExp(chart.replace(/[()]/g, ".")) })).toBeVisible();
  }
  await expect(page.getByRole("definition").filter({ hasText: /^0$/ }).first()).toBeVisible();
  await page.getByRole("figure", { name: "Open cases by age" }).getByText("Show the numbers").click();
  await expect(page.getByRole("table", { name: "Open cases by age" })).toBeVisible();
  await expectAccessible(page);

  expect([...visitor.problems, ...pat.problems, ...riley.problems]).toEqual([]);
});

test("Riley grants a Tax ID from a not-listed case and deactivates a departed delegate in one step", async ({ browser }) => {
  const visitor = await newPage(browser);
  const riley = await newPage(browser);

  // Pat, who has an account, reports Birchwood Clinic (in the records, not registered) as not listed.
  const grantCase = await reportNotListed(visitor.page, PAT.email, { organizationName: "Birchwood Clinic", taxId: "41-5678901" });

  // Chris registers for Northside Pediatrics saying Pat has left: a departed-delegate review.
  await openCheckRegistration(visitor.page);
  await fillCheckRegistration(visitor.page, { taxId: "41-2345678", checkNumber: "7001002", vendorNumber: "100310", firstName: "Chris", lastName: "Park", email: uniqueEmail("chris"), phone: "651-555-0123", password: "northside new front desk" });
  await visitor.page.getByRole("button", { name: "Create my account" }).click();
  await visitor.page.getByRole("group", { name: "Northside Pediatrics already has a delegate" }).getByRole("radio", { name: "They have left the organization" }).check();
  await visitor.page.getByLabel("Password", { exact: true }).fill("northside new front desk");
  await visitor.page.getByRole("button", { name: "Create my account" }).click();
  await expect(visitor.page).toHaveURL(/\/register\/check-email$/);

  const page = riley.page;
  await page.goto("/signin");
  await signIn(page, RILEY.email, RILEY.password);
  await page.goto(`/staff/cases/${grantCase.replace("C-", "")}`);
  const grant = page.getByRole("region", { name: "Grant access to this Tax ID" });
  await expect(grant).toContainText("Pat Morgan (pat.morgan@northside.example) works for Birchwood Clinic");
  await expect(grant).toContainText("its delegate (it has none)");
  await expectAccessible(page);
  await grant.getByRole("button", { name: "Grant access" }).click();
  await expect(page.getByRole("region", { name: "History" })).toContainText("Gave Pat Morgan (pat.morgan@northside.example) access to Tax ID 41-5678901 (Birchwood Clinic), all NPIs, as its delegate.");
  await expect(grant).toContainText("Pat Morgan has access to Birchwood Clinic.");

  await page.goto("/staff/cases?type=departed_delegate_review");
  await page.getByRole("table").getByRole("row").filter({ hasText: "Chris Park" }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: /^Case C-\d+$/ })).toBeVisible();
  const departed = page.getByRole("region", { name: "Deactivate the old delegate" });
  await expect(departed.getByRole("radio", { name: /Pat Morgan/ })).toBeChecked();
  await expectAccessible(page);
  await screenshot(page, "departed-review");
  await tabTo(page, departed.getByRole("button", { name: "Deactivate the old delegate" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "History" })).toContainText("Deactivated the old delegate Pat Morgan (pat.morgan@northside.example)");
  await expect(page.getByRole("region", { name: "History" })).toContainText("Chris Park remains the delegate.");
  // Pat still belongs to Birchwood Clinic, so the account stays active there.
  await expect(page.getByRole("region", { name: "History" })).toContainText("their account stays active for their other organizations");
  await expect(departed).toContainText("no other delegate now");
  await expectAccessible(page);

  expect([...visitor.problems, ...riley.problems]).toEqual([]);
});
