import { expect, test } from "@playwright/test";
import { tabTo, typeInto } from "./keyboard-helpers";
import { expectAccessible, readVerificationLink, signInByKeyboard, uniqueEmail, watchConsole } from "./support";

test("registering with a non-payment notice, fixing the notice number, works by keyboard alone", async ({ page }) => {
  const problems = watchConsole(page);
  const email = uniqueEmail("notice-keys");
  const password = "prairie keyboard only";

  await page.goto("/register/provider");
  await expectAccessible(page);
  await tabTo(page, page.getByRole("link", { name: /I received a non-payment notice/ }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/register\/provider\/notice$/);
  await expect(page.getByRole("heading", { level: 1, name: "Register with a non-payment notice" })).toBeVisible();
  await expectAccessible(page);

  await typeInto(page, page.getByRole("textbox", { name: "Tax ID", exact: true }), "41-4567890");
  await typeInto(page, page.getByRole("textbox", { name: "NPI", exact: true }), "1823456706");
  await typeInto(page, page.getByRole("textbox", { name: "Notice number", exact: true }), "4400123");
  await typeInto(page, page.getByRole("textbox", { name: "First name", exact: true }), "Dana");
  await typeInto(page, page.getByRole("textbox", { name: "Last name", exact: true }), "Keys");
  await typeInto(page, page.getByRole("textbox", { name: "Work email", exact: true }), email);
  await typeInto(page, page.getByRole("textbox", { name: "Work phone", exact: true }), "507-555-0177");
  await typeInto(page, page.getByLabel("Password", { exact: true }), password);
  await tabTo(page, page.getByRole("button", { name: "Create my account" }));
  await page.keyboard.press("Enter");

  // The summary takes focus and names the field; its link takes the keyboard to that field.
  const summary = page.locator("form").getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Include the NP in front of the number");
  const notice = page.getByRole("textbox", { name: "Notice number", exact: true });
  await expect(notice).toHaveAttribute("aria-invalid", "true");
  await expect(notice).toHaveValue("4400123");
  await expectAccessible(page);
  await tabTo(page, summary.getByRole("link", { name: /Notice number/ }));
  await page.keyboard.press("Enter");
  await expect(notice).toBeFocused();
  await page.keyboard.press("Home");
  await page.keyboard.type("NP");
  await expect(notice).toHaveValue("NP4400123");

  // The password is asked again after a failed submit.
  await typeInto(page, page.getByLabel("Password", { exact: true }), password);
  await tabTo(page, page.getByRole("button", { name: "Create my account" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/register\/check-email$/);
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expectAccessible(page);

  const link = await readVerificationLink(page, email);
  await page.goto(link);
  await expectAccessible(page);
  await tabTo(page, page.getByRole("button", { name: "Confirm my email address" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/signin\?confirmed=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Your email address is confirmed" })).toBeFocused();
  await expectAccessible(page);

  await signInByKeyboard(page, email, password);
  await expect(page).toHaveURL(/\/access$/);
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "41-4567890" }) });
  await expect(row).toContainText("Prairie Health Partners");
  await expect(row).toContainText("non-payment notice ending 0123");
  await expect(row.getByRole("cell").last()).toHaveText("Active");
  await expectAccessible(page);
  expect(problems).toEqual([]);
});
