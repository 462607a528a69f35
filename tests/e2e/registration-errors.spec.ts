import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, fillCheckRegistration, openCheckRegistration, passSecondStep, uniqueEmail, watchConsole } from "./support";

const person = { firstName: "Casey", lastName: "Nguyen", phone: "(651) 555-0199", password: "quiet maple morning 7" };

async function submit(page: Page) {
  await page.getByRole("button", { name: "Create my account" }).click();
  return page.locator("form").getByRole("alert");
}

test.describe("registering with a check refuses wrong values with a clear message", () => {
  test("a vendor number that doesn't match the check", async ({ page }) => {
    const problems = watchConsole(page);
    const email = uniqueEmail("casey");
    await openCheckRegistration(page);
    await fillCheckRegistration(page, { ...person, email, taxId: "41-1234567", checkNumber: "7001001", vendorNumber: "100999" });
    const alert = await submit(page);
    await expect(alert).toContainText("We couldn't verify your organization with these details.");
    await expect(alert).toBeFocused();
    // Nothing typed is lost (except the password, which is never sent back).
    await expect(page.getByRole("textbox", { name: "Tax ID", exact: true })).toHaveValue("41-1234567");
    await expect(page.getByRole("textbox", { name: "Check number", exact: true })).toHaveValue("7001001");
    await expect(page.getByRole("textbox", { name: "Vendor number", exact: true })).toHaveValue("100999");
    await expect(page.getByRole("textbox", { name: "Work email", exact: true })).toHaveValue(email);
    await expect(page.getByRole("textbox", { name: "First name", exact: true })).toHaveValue("Casey");
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    await expect(page).toHaveURL(/\/register\/provider\/check$/);
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });

  test("a check issued more than 12 months ago", async ({ page }) => {
    await openCheckRegistration(page);
    await fillCheckRegistration(page, { ...person, email: uniqueEmail("casey"), taxId: "41-1234567", checkNumber: "6990001", vendorNumber: "100234" });
    const alert = await submit(page);
    await expect(alert).toContainText("We couldn't verify your organization with these details.");
    await expect(alert).toContainText("issued in the last 12 months");
    await expect(page.getByRole("textbox", { name: "Check number", exact: true })).toHaveValue("6990001");
  });

  test("an NPI with a bad check digit", async ({ page }) => {
    await openCheckRegistration(page);
    await fillCheckRegistration(page, { ...person, email: uniqueEmail("casey"), taxId: "41-3456789", checkNumber: "7001003", npi: "1600123454" });
    const alert = await submit(page);
    await expect(alert).toContainText("Please correct the field marked below.");
    const npi = page.getByRole("textbox", { name: "NPI", exact: true });
    await expect(npi).toHaveValue("1600123454");
    await expect(npi).toHaveAttribute("aria-invalid", "true");
    await expect(npi).toHaveAccessibleDescription(/That NPI isn't valid: check each digit/);
    await expectAccessible(page);
  });

  test("a malformed Tax ID", async ({ page }) => {
    await openCheckRegistration(page);
    await fillCheckRegistration(page, { ...person, email: uniqueEmail("casey"), taxId: "41-12345", checkNumber: "7001001", vendorNumber: "100234" });
    await submit(page);
    const taxId = page.getByRole("textbox", { name: "Tax ID", exact: true });
    await expect(taxId).toHaveValue("41-12345");
    await expect(taxId).toHaveAttribute("aria-invalid", "true");
    await expect(taxId).toHaveAccessibleDescription(/Enter the Tax ID as 9 digits, like 41-1234567\./);
    // The error summary links to the field.
    await page.locator("form").getByRole("alert").getByRole("link", { name: /Tax ID/ }).click();
    await expect(page).toHaveURL(/#taxId$/);
  });

  test("an organization that is already registered is told to ask its delegate", async ({ page }) => {
    await openCheckRegistration(page);
    await fillCheckRegistration(page, { ...person, email: uniqueEmail("casey"), taxId: "41-2345678", checkNumber: "7001002", vendorNumber: "100310" });
    const alert = await submit(page);
    await expect(alert).toContainText("Northside Pediatrics is already registered in the portal");
    await expect(alert).toContainText("Ask your organization's delegate");
  });
});

test("signing in with a wrong password doesn't say whether the email exists", async ({ page }) => {
  await page.goto("/signin");
  await expectAccessible(page);
  for (const email of ["pat.morgan@northside.example", uniqueEmail("nobody")]) {
    await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill("not the right password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toContainText("The email address or password is not right.");
    await expect(page.getByRole("textbox", { name: "Email", exact: true })).toHaveValue(email);
  }
  await expectAccessible(page);
});

test("the demo delegate signs in and sees Northside Pediatrics", async ({ page }) => {
  await page.goto("/access");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccess$/);
  await page.getByRole("textbox", { name: "Email", exact: true }).fill("pat.morgan@northside.example");
  await page.getByLabel("Password", { exact: true }).fill("northside-demo-pass");
  await page.getByRole("button", { name: "Sign in" }).click();
  await passSecondStep(page, "pat.morgan@northside.example");
  await expect(page).toHaveURL(/\/access$/);
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "41-2345678" }) });
  await expect(row).toContainText("Northside Pediatrics");
  await expect(row).toContainText("1450239870");
  await expect(row.getByRole("cell").last()).toHaveText("Active");
  await expect(page.getByText("Signed in as Pat Morgan")).toBeVisible();

  // The prerendered public pages know in the browser that someone is signed in, and sign-in says so.
  await page.goto("/");
  const account = page.getByRole("navigation", { name: "Account" });
  await expect(account.getByRole("link", { name: "Go to Tax ID & NPI access" })).toBeVisible();
  await expect(account.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  await page.goto("/signin");
  await expect(page.getByText("You are already signed in.")).toBeVisible();
  await account.getByRole("link", { name: "Go to Tax ID & NPI access" }).click();
  await expect(page).toHaveURL(/\/access$/);
});
