import { expect, test } from "@playwright/test";
import { tabTo, typeInto } from "./keyboard-helpers";
import { passSecondStep, readVerificationLink, uniqueEmail, watchConsole } from "./support";

test("registering, signing in and signing out work by keyboard alone", async ({ page }) => {
  const problems = watchConsole(page);
  const email = uniqueEmail("keyboard");
  const password = "tab enter space arrow";

  await page.goto("/");
  await tabTo(page, page.getByRole("link", { name: "Skip to main content" }));
  await tabTo(page, page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Register" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/register$/);
  await tabTo(page, page.getByRole("link", { name: /I work for a provider/ }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/register\/provider$/);
  await tabTo(page, page.getByRole("link", { name: /I have a check from HealthPartners/ }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/register\/provider\/check$/);

  // Riverbend's second Tax ID, with the vendor number of the check paid to it.
  await typeInto(page, page.getByRole("textbox", { name: "Tax ID" }), "41-3456790");
  await typeInto(page, page.getByRole("textbox", { name: "Check number" }), "7001004");
  // Arrow keys move between the two choices; the field shown follows.
  await tabTo(page, page.getByRole("radio", { name: "Vendor number" }));
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "NPI" })).toBeChecked();
  await expect(page.getByRole("textbox", { name: "NPI", exact: true })).toBeVisible();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("radio", { name: "Vendor number" })).toBeChecked();
  await typeInto(page, page.getByRole("textbox", { name: "Vendor number", exact: true }), "100456");
  await typeInto(page, page.getByRole("textbox", { name: "First name" }), "Robin");
  await typeInto(page, page.getByRole("textbox", { name: "Last name" }), "Keyes");
  await typeInto(page, page.getByRole("textbox", { name: "Work email" }), email);
  await typeInto(page, page.getByRole("textbox", { name: "Work phone" }), "218-555-0123");
  await typeInto(page, page.getByLabel("Password", { exact: true }), password);
  await tabTo(page, page.getByRole("button", { name: "Create my account" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/register\/check-email$/);

  const link = await readVerificationLink(page, email);
  await page.goto(link);
  await tabTo(page, page.getByRole("button", { name: "Confirm my email address" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/signin\?confirmed=1$/);

  await typeInto(page, page.getByRole("textbox", { name: "Email" }), email);
  await typeInto(page, page.getByLabel("Password", { exact: true }), password);
  await page.keyboard.press("Enter");
  await passSecondStep(page, email, { keyboard: true });
  await expect(page).toHaveURL(/\/access$/);
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "41-3456790" }) });
  await expect(row).toContainText("Riverbend Orthopedics");
  await expect(row.getByRole("cell").last()).toHaveText("Active");

  await tabTo(page, page.getByRole("button", { name: "Sign out" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
  expect(problems).toEqual([]);
});
