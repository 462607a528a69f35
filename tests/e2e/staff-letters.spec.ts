import { expect, test, type Browser, type Page } from "@playwright/test";
import { tabTo } from "./keyboard-helpers";
import { expectAccessible, readVerificationLink, signIn, uniqueEmail, watchConsole } from "./support";

const RILEY = { email: "riley.reyes@staff.example", password: "staff-demo-password" };
const PAT = { email: "pat.morgan@northside.example", password: "northside-demo-pass" };
const SHOTS = process.env.E2E_SCREENSHOTS ?? "test-results/staff-letters-screenshots";
const PIN = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}$/;

/** A last name of its own for this run (letters only), so rows are found by the registrant's name. */
function uniqueLastName(base: string): string {
  return `${base}${Date.now().toString().slice(-5).replace(/\d/g, (digit) => "abcdefghij"[Number(digit)]!)}`;
}

/** Registers with US Mail (a letter is queued to the Tax ID's address of record) and confirms the email. */
async function registerByMail(page: Page, input: { taxId: string; firstName: string; lastName: string }) {
  const email = uniqueEmail(input.firstName.toLowerCase());
  const password = `${input.lastName} lilac front desk`;
  await page.goto("/register/provider");
  await page.getByRole("link", { name: /Register with US Mail/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Register with US Mail" })).toBeVisible();
  await page.getByRole("textbox", { name: "Tax ID", exact: true }).fill(input.taxId);
  await page.getByRole("textbox", { name: "First name" }).fill(input.firstName);
  await page.getByRole("textbox", { name: "Last name" }).fill(input.lastName);
  await page.getByRole("textbox", { name: "Work email" }).fill(email);
  await page.getByRole("textbox", { name: "Work phone" }).fill("952-555-0142");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create my account and mail my PIN" }).click();
  await expect(page).toHaveURL(/\/register\/check-email\?by=mail$/);
  const link = await readVerificationLink(page, email);
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page).toHaveURL(/\/signin\?confirmed=1$/);
  return { email, password };
}

async function signInAsRiley(page: Page): Promise<void> {
  await page.goto("/signin");
  await signIn(page, RILEY.email, RILEY.password);
  await expect(page).toHaveURL(/\/staff$/);
}

async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A representative's page: any 404 it meets, and any console error, is a problem. */
async function newPage(browser: Browser, baseURL: string | undefined): Promise<{ page: Page; problems: () => string[] }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const logged = watchConsole(page);
  const notFound: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) notFound.push(new URL(response.url()).pathname);
  });
  return {
    page,
    problems: () => {
      return [...notFound.map((path) => `404 for ${path}`), ...logged];
    },
  };
}

test("a US Mail registration's letter is printed in a batch, marked mailed, and its PIN redeemed", async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  const problems = watchConsole(page);
  const lastName = uniqueLastName("Ellis");
  const registrant = `Morgan ${lastName}`;
  const account = await registerByMail(page, { taxId: "41-5678901", firstName: "Morgan", lastName });

  const staff = await newPage(browser, baseURL);
  const riley = staff.page;
  await signInAsRiley(riley);
  await riley.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "PIN letters" }).click();
  await expect(riley.getByRole("heading", { level: 1, name: "PIN letters" })).toBeVisible();
  await expect(riley.getByText("A reprint is a new letter with a new PIN")).toBeVisible();
  const row = riley.getByRole("row").filter({ hasText: registrant });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("rowheader")).toContainText("Birchwood Clinic");
  await expect(row).toContainText("41-5678901");
  await expect(row).toContainText("500 Birch Ln");
  await expect(row).toContainText("Bloomington, MN 55420");
  await expect(row).toContainText(account.email.toLowerCase());
  await expect(row).toContainText("Queued");
  // No PIN anywhere on the queue.
  await expect(riley.getByText(/[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}/)).toHaveCount(0);
  await expectAccessible(riley);
  await screenshots(riley, "letters-queue");

  // The filter is a plain GET.
  await riley.getByRole("navigation", { name: "Filter letters by status" }).getByRole("link", { name: /^Queued/ }).click();
  await expect(riley).toHaveURL(/\/staff\/letters\?status=queued$/);
  await expect(row).toHaveCount(1);

  await row.getByRole("checkbox", { name: `Choose the letter to Birchwood Clinic for ${registrant}` }).check();
  await riley.getByRole("button", { name: "Print batch (1 letter)" }).click();
  await expect(riley.getByRole("heading", { level: 2, name: "1 letter printed: print the sheets now" })).toBeFocused();
  const sheet = riley.getByRole("article", { name: `Letter 1 of 1: Birchwood Clinic, attention ${registrant}` });
  await expect(sheet).toContainText("500 Birch Ln");
  await expect(sheet).toContainText(`Attn: ${registrant}`);
  const pin = (await sheet.getByText(PIN).innerText()).trim();
  expect(pin).toMatch(PIN);
  await expectAccessible(riley);
  await screenshots(riley, "letters-batch");

  // "Print" opens the browser's print dialog; on paper only the letters, one per sheet.
  await riley.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await riley.getByRole("button", { name: "Print", exact: true }).click();
  expect(await riley.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await riley.emulateMedia({ media: "print" });
  await expect(riley.getByRole("banner")).toBeHidden();
  await expect(riley.getByRole("heading", { level: 2, name: /letter printed/ })).toBeHidden();
  await expect(sheet).toBeVisible();
  expect(await sheet.evaluate((element) => getComputedStyle(element).breakInside)).toBe("avoid");
  await riley.screenshot({ path: `${SHOTS}/letters-print-sheet.png`, fullPage: true });
  await riley.emulateMedia({ media: "screen" });

  // Reloading shows the queue, never the PIN again; the letter is printed.
  await riley.reload();
  await expect(riley.getByRole("heading", { level: 1, name: "PIN letters" })).toBeVisible();
  await expect(riley.getByRole("article")).toHaveCount(0);
  await expect(riley.getByText(pin)).toHaveCount(0);
  await riley.goto("/staff/letters");
  await expect(row).toContainText("Printed");
  await expect(row.getByRole("checkbox")).toHaveCount(0);

  await row.getByRole("button", { name: new RegExp(`^Mark mailed\\s?: the letter to Birchwood Clinic for ${registrant}$`) }).click();
  await expect(riley.getByRole("status").filter({ hasText: "1 letter marked mailed today." })).toBeVisible();
  await expect(row).toContainText("Mailed");
  await expectAccessible(riley);

  // The registrant enters the PIN from the printed sheet.
  await page.goto("/signin");
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/access$/);
  await page.getByRole("textbox", { name: "PIN from the letter" }).fill(pin);
  await page.getByRole("button", { name: "Confirm PIN" }).click();
  await expect(page).toHaveURL(/\/access\?pin=accepted$/);
  await expect(page.getByText("You are the delegate for Birchwood Clinic (41-5678901)")).toBeVisible();

  await riley.goto("/staff/letters?status=redeemed");
  await expect(row).toContainText("Redeemed");
  await expectAccessible(riley);

  expect(problems).toEqual([]);
  expect(staff.problems()).toEqual([]);
});

test("a representative prints, marks mailed and searches the records by keyboard alone", async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  const lastName = uniqueLastName("Price");
  const registrant = `Avery ${lastName}`;
  const other = `Jules ${uniqueLastName("Stone")}`;
  await registerByMail(page, { taxId: "41-4567890", firstName: "Avery", lastName });
  await registerByMail(page, { taxId: "41-1234567", firstName: "Jules", lastName: other.split(" ")[1]! });

  const { page: riley, problems } = await newPage(browser, baseURL);
  await signInAsRiley(riley);
  await riley.goto("/staff/letters");
  await expect(riley.getByRole("row").filter({ hasText: registrant })).toContainText("Queued");
  await tabTo(riley, riley.getByRole("checkbox", { name: /Select all queued letters \(2\)/ }));
  await riley.keyboard.press("Space");
  await tabTo(riley, riley.getByRole("button", { name: "Print batch (2 letters)" }));
  await riley.keyboard.press("Enter");
  await expect(riley.getByRole("heading", { level: 2, name: "2 letters printed: print the sheets now" })).toBeFocused();
  const sheets = riley.getByRole("article");
  await expect(sheets).toHaveCount(2);
  await expect(riley.getByRole("article", { name: `Letter 1 of 2: Prairie Health Partners, attention ${registrant}` })).toContainText("400 Prairie Blvd");
  await expect(riley.getByRole("article", { name: `Letter 2 of 2: Lakeside Family Clinic, attention ${other}` })).toContainText("100 Lake St");
  // On paper, one letter per sheet.
  await riley.emulateMedia({ media: "print" });
  expect(await sheets.first().evaluate((element) => getComputedStyle(element).breakAfter)).toBe("page");
  await riley.screenshot({ path: `${SHOTS}/letters-print-two-sheets.png`, fullPage: true });
  await riley.emulateMedia({ media: "screen" });
  await tabTo(riley, riley.getByRole("button", { name: "Mark these 2 letters mailed" }));
  await riley.keyboard.press("Enter");
  await expect(riley.getByRole("status").filter({ hasText: "2 letters marked mailed today." })).toBeVisible();
  await expect(riley.getByRole("row").filter({ hasText: registrant })).toContainText("Mailed");
  await expect(riley.getByRole("row").filter({ hasText: other })).toContainText("Mailed");
  await riley.goto("/staff");
  await tabTo(riley, riley.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Records" }));
  await riley.keyboard.press("Enter");
  await expect(riley.getByRole("heading", { level: 1, name: "Records" })).toBeVisible();
  await expectAccessible(riley);
  await tabTo(riley, riley.getByRole("searchbox", { name: "Tax ID, NPI or organization name" }));
  await riley.keyboard.type("northside");
  await riley.keyboard.press("Enter");
  await expect(riley).toHaveURL(/\/staff\/records\?q=northside$/);
  await expect(riley.getByRole("heading", { level: 2, name: "1 record found" })).toBeVisible();
  await expectAccessible(riley);
  await screenshots(riley, "records-search");
  await tabTo(riley, riley.getByRole("link", { name: "Northside Pediatrics" }));
  await riley.keyboard.press("Enter");
  await expect(riley.getByRole("heading", { level: 1, name: "Northside Pediatrics" })).toBeVisible();
  await expect(riley.getByRole("region", { name: "Address of record" })).toContainText("200 North Ave");
  await expect(riley.getByRole("region", { name: "NPIs" })).toContainText("1450239870");
  const people = riley.getByRole("region", { name: "Delegates and users in the portal" });
  await expect(people).toContainText("Pat Morgan");
  await expect(people).toContainText("pat.morgan@northside.example");
  await expect(riley.getByRole("region", { name: "Open billing requests" })).toBeVisible();
  await expect(riley.getByRole("region", { name: "Audit trail of grants" })).toBeVisible();
  await expectAccessible(riley);
  await screenshots(riley, "records-detail");

  // By NPI and by Tax ID too.
  await riley.goto("/staff/records?q=1600123453");
  await expect(riley.getByRole("heading", { level: 2, name: "2 records found" })).toBeVisible();
  await riley.goto("/staff/records?q=41-5678901");
  await expect(riley.getByRole("link", { name: "Birchwood Clinic" })).toBeVisible();
  await riley.goto("/staff/records?q=x");
  await expect(riley.getByText("Type a Tax ID (9 digits), an NPI (10 digits)")).toBeVisible();
  await expectAccessible(riley);
  expect(problems()).toEqual([]);
});

test("a provider user and a visitor get 404 on the console's letters and records", async ({ page }) => {
  const problems = watchConsole(page);
  for (const path of ["/staff/letters", "/staff/records", "/staff/records/412345678"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
  }
  await page.goto("/signin");
  await signIn(page, PAT.email, PAT.password);
  await expect(page).not.toHaveURL(/\/signin/);
  for (const path of ["/staff/letters", "/staff/letters?status=queued", "/staff/records?q=northside", "/staff/records/412345678"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText("Northside Pediatrics")).toHaveCount(0);
  }
  // Chromium logs each 404 asked for as a console error: those lines are expected, nothing else.
  expect(problems.filter((problem) => !problem.includes("404"))).toEqual([]);
});
