import { expect, test, type Page } from "@playwright/test";
import { tabTo, typeInto } from "./keyboard-helpers";
import { expectAccessible, watchConsole } from "./support";

// Every lookup here comes from one address (127.0.0.1): the suite stays well under its 20 lookups in 15 minutes.

const answer = (page: Page) => page.getByRole("region", { name: /is (not )?registered$/ });

async function lookUp(page: Page, taxId: string, npi = ""): Promise<void> {
  await page.getByRole("textbox", { name: "Tax ID", exact: true }).fill(taxId);
  await page.getByRole("textbox", { name: "NPI (optional)", exact: true }).fill(npi);
  await page.getByRole("button", { name: "Find my delegate" }).click();
}

test("Northside Pediatrics is registered: its delegate is shown masked, never in full", async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto("/register");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Find my delegate" }).click();
  await expect(page).toHaveURL(/\/findmydelegate$/);
  await expect(page.getByRole("heading", { level: 1, name: "Find my delegate" })).toBeVisible();
  await expectAccessible(page);

  await lookUp(page, "41-2345678");
  const registered = page.getByRole("region", { name: "Northside Pediatrics is registered" });
  await expect(registered).toBeFocused();
  await expect(registered.getByRole("list", { name: "Delegates" }).getByRole("listitem")).toHaveText(["P. M., p•••@northside.example"]);
  await expect(registered).toContainText("P. M.");
  await expect(registered).toContainText("p•••@northside.example");
  await expect(registered.getByRole("link", { name: "Register your billing service" })).toHaveAttribute("href", "/register");
  const text = await page.locator("body").innerText();
  for (const secret of ["Pat Morgan", "Pat", "Morgan", "pat.morgan", "651"]) expect(text).not.toContain(secret);
  await expect(page.getByRole("textbox", { name: "Tax ID", exact: true })).toHaveValue("41-2345678");
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test("Birchwood Clinic and Lakeside Family Clinic are not registered: the answer says so and links to registration", async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto("/findmydelegate");
  await lookUp(page, "41-5678901");
  const notRegistered = page.getByRole("region", { name: "Tax ID 41-5678901 is not registered" });
  await expect(notRegistered).toBeFocused();
  await expect(notRegistered).toContainText("Nobody has registered this organization");
  await expectAccessible(page);
  // Lakeside Family Clinic too: in the records, nobody registered.
  await lookUp(page, "41-1234567");
  const lakeside = page.getByRole("region", { name: "Tax ID 41-1234567 is not registered" });
  await expect(lakeside).toBeFocused();
  await expectAccessible(page);
  await lakeside.getByRole("link", { name: "Register your organization" }).click();
  await expect(page).toHaveURL(/\/register$/);
  await expect(page.getByRole("heading", { level: 1, name: "Who do you work for?" })).toBeVisible();
  expect(problems).toEqual([]);
});

test("a bad Tax ID and an NPI that does not bill under the Tax ID get field errors that keep the input", async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto("/findmydelegate");
  await lookUp(page, "12-34");
  const summary = page.locator("form").getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Please correct the field marked below.");
  const taxId = page.getByRole("textbox", { name: "Tax ID", exact: true });
  await expect(taxId).toHaveValue("12-34");
  await expect(taxId).toHaveAttribute("aria-invalid", "true");
  await expect(taxId).toHaveAccessibleDescription(/Enter the Tax ID as 9 digits, like 41-1234567\./);
  await expect(answer(page)).toHaveCount(0);
  await expectAccessible(page);

  // Lakeside's NPI does not bill under Northside's Tax ID.
  await lookUp(page, "41-2345678", "1234567893");
  const npi = page.getByRole("textbox", { name: "NPI (optional)", exact: true });
  await expect(npi).toHaveAttribute("aria-invalid", "true");
  await expect(npi).toHaveAccessibleDescription(/doesn't bill under Tax ID 41-2345678.*Check the NPI, or leave it blank\./);
  await expect(npi).toHaveValue("1234567893");
  await expect(taxId).toHaveValue("41-2345678");
  await expect(answer(page)).toHaveCount(0);
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test("every registration page links to Find my delegate", async ({ page }) => {
  const problems = watchConsole(page);
  for (const path of ["/register", "/register/provider", "/register/provider/check", "/register/provider/notice", "/register/provider/mail", "/register/provider/not-listed"]) {
    await page.goto(path);
    const link = page.getByRole("link", { name: "Find my delegate" });
    await expect(link, path).toHaveAttribute("href", "/findmydelegate");
    await expect(page.getByText("Not sure if your organization is registered?")).toBeVisible();
  }
  expect(problems).toEqual([]);
});

test("the whole lookup works by keyboard alone", async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto("/register/provider");
  await tabTo(page, page.getByRole("link", { name: "Find my delegate" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/findmydelegate$/);
  await typeInto(page, page.getByRole("textbox", { name: "Tax ID", exact: true }), "41-2345678");
  await typeInto(page, page.getByRole("textbox", { name: "NPI (optional)", exact: true }), "1450239870");
  await page.keyboard.press("Enter");
  const registered = page.getByRole("region", { name: "Northside Pediatrics is registered" });
  await expect(registered).toBeFocused();
  await expect(registered).toContainText("P. M., p•••@northside.example");
  // From the answer, the next Tab goes on to its links.
  await page.keyboard.press("Tab");
  await expect(registered.getByRole("link", { name: "Register your billing service" })).toBeFocused();
  await expectAccessible(page);

  // A second lookup moves focus to the new answer.
  await tabTo(page, page.getByRole("textbox", { name: "Tax ID", exact: true }));
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("41-5678901");
  await tabTo(page, page.getByRole("textbox", { name: "NPI (optional)", exact: true }));
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await tabTo(page, page.getByRole("button", { name: "Find my delegate" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Tax ID 41-5678901 is not registered" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Register your organization" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/register$/);
  expect(problems).toEqual([]);
});
