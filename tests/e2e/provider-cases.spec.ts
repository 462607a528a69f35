import { expect, test } from "@playwright/test";
import { tabTo, typeInto } from "./keyboard-helpers";
import { openEmail } from "./mailbox";
import { expectAccessible, fillCheckRegistration, openCheckRegistration, uniqueEmail, watchConsole } from "./support";

test("'My provider is not listed' for an unknown Tax ID opens a case, by keyboard alone", async ({ page }) => {
  const problems = watchConsole(page);
  const email = uniqueEmail("notlisted");

  await page.goto("/register/provider");
  await tabTo(page, page.getByRole("link", { name: "My provider is not listed" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "My provider is not listed" })).toBeVisible();
  await expectAccessible(page);

  await typeInto(page, page.getByRole("textbox", { name: "Provider or organization name" }), "Maple Grove Family Medicine");
  await typeInto(page, page.getByRole("textbox", { name: "Tax ID" }), "41-7654321");
  await typeInto(page, page.getByRole("textbox", { name: "Street address" }), "700 Maple Ave");
  await typeInto(page, page.getByRole("textbox", { name: "City" }), "Maple Grove");
  await typeInto(page, page.getByRole("combobox", { name: "State" }), "MN");
  await expect(page.getByRole("combobox", { name: "State" })).toHaveValue("MN");
  await typeInto(page, page.getByRole("textbox", { name: "ZIP code" }), "5536");
  await typeInto(page, page.getByRole("textbox", { name: "Practice phone" }), "763-555-0100");
  await typeInto(page, page.getByRole("textbox", { name: "Your first name" }), "Jamie");
  await typeInto(page, page.getByRole("textbox", { name: "Your last name" }), "Fox");
  await typeInto(page, page.getByRole("textbox", { name: "Your work email" }), email);
  await typeInto(page, page.getByRole("textbox", { name: "Your work phone" }), "763-555-0111");
  await typeInto(page, page.getByRole("textbox", { name: "How can we help?" }), "We opened in March and bill under this Tax ID.");
  await tabTo(page, page.getByRole("button", { name: "Send to a representative" }));
  await page.keyboard.press("Enter");

  // A short ZIP: the error names the field, focus moves to the summary, every value stays.
  const zip = page.getByRole("textbox", { name: "ZIP code" });
  await expect(zip).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("form").getByRole("alert")).toBeFocused();
  await expect(page.getByRole("textbox", { name: "Your work email" })).toHaveValue(email);
  await expect(page.getByRole("combobox", { name: "State" })).toHaveValue("MN");
  await expectAccessible(page);
  await tabTo(page, zip);
  // Tabbing into a field selects its text: move to the end to add the missing digit.
  await page.keyboard.press("End");
  await page.keyboard.type("9");
  await expect(zip).toHaveValue("55369");
  await tabTo(page, page.getByRole("button", { name: "Send to a representative" }));
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1, name: "A representative will contact you" })).toBeVisible();
  const caseTitle = page.getByText(/^Your case number is C-\d+$/);
  await expect(caseTitle).toBeVisible();
  const caseNumber = (await caseTitle.innerText()).replace("Your case number is ", "");
  await expectAccessible(page);

  const { text } = await openEmail(page, email, new RegExp(`We received your request \\(case ${caseNumber}\\)`));
  expect(text).toContain(caseNumber);
  expect(text).toContain("Maple Grove Family Medicine (Tax ID 41-7654321)");
  expect(problems).toEqual([]);
});

test("registering for Northside Pediatrics when Pat Morgan can't assist: Pat is emailed and disputes it", async ({ page }) => {
  const problems = watchConsole(page);
  const password = "northside new front desk";
  await openCheckRegistration(page);
  await expect(page.getByRole("link", { name: "My provider is not listed" })).toBeVisible();
  await fillCheckRegistration(page, {
    taxId: "41-2345678",
    checkNumber: "7001002",
    vendorNumber: "100310",
    firstName: "Chris",
    lastName: "Park",
    email: uniqueEmail("chris"),
    phone: "651-555-0123",
    password,
  });
  await page.getByRole("button", { name: "Create my account" }).click();

  const departed = page.getByRole("group", { name: "Northside Pediatrics already has a delegate" });
  await expect(departed).toBeVisible();
  await expect(departed).toContainText("P. M.");
  await expectAccessible(page);
  await departed.getByRole("radio", { name: "They have left the organization" }).check();
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/register\/check-email$/);

  const { text, href } = await openEmail(page, "pat.morgan@northside.example", /Someone registered for Northside Pediatrics/, "Tell us this is wrong");
  expect(text).toContain("Chris Park registered for Tax ID 41-2345678 (Northside Pediatrics) and said you are unable to assist: they have left the organization. If this is wrong, tell us");
  expect(href).toMatch(/\/cases\/dispute\?token=[A-Za-z0-9_-]+$/);

  await page.goto(href!);
  await expect(page.getByRole("heading", { level: 1, name: "Tell us this is wrong" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("textbox", { name: /Anything we should know/ }).fill("I still work here and can add Chris.");
  await page.getByRole("button", { name: "Tell us this is wrong" }).click();
  await expect(page.getByText(/^Your case number is C-\d+$/)).toBeVisible();
  await expectAccessible(page);

  // The link works once.
  await page.goto(href!);
  await expect(page.getByText("This link has already been used", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Tell us this is wrong" })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto("/cases/dispute?token=not-a-real-token-at-all-000000");
  await expect(page.getByText("This link doesn't work", { exact: true })).toBeVisible();
  expect(problems).toEqual([]);
});
