import { expect, test } from "@playwright/test";
import { tabTo, typeInto } from "./keyboard-helpers";
import { expectAccessible, signInByKeyboard, watchConsole } from "./support";

test("asking for a PIN letter for another Tax ID works by keyboard alone", async ({ page }) => {
  const problems = watchConsole(page);

  await page.goto("/signin");
  await signInByKeyboard(page, "pat.morgan@northside.example", "northside-demo-pass");
  await expect(page).toHaveURL(/\/access$/);
  await expectAccessible(page);

  await tabTo(page, page.getByRole("link", { name: "Add a Tax ID or NPI" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/access\/add$/);
  await expectAccessible(page);
  await tabTo(page, page.getByRole("link", { name: /Request a PIN letter/ }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/access\/add\/mail$/);
  await expect(page.getByRole("heading", { level: 1, name: "Add a Tax ID by mail" })).toBeVisible();
  await expectAccessible(page);

  // A Tax ID not in the records first: the summary takes focus, and its link leads back to the field.
  const taxId = page.getByRole("textbox", { name: "Tax ID", exact: true });
  await typeInto(page, taxId, "41-7654321");
  await tabTo(page, page.getByRole("button", { name: "Mail the PIN letter" }));
  await page.keyboard.press("Enter");
  const summary = page.locator("form").getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("We couldn't find this Tax ID in our records");
  await expect(taxId).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await tabTo(page, summary.getByRole("link", { name: /Tax ID/ }));
  await page.keyboard.press("Enter");
  await expect(taxId).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("41-1234567");
  await typeInto(page, page.getByRole("textbox", { name: "NPI (optional)" }), "1234567893");
  await tabTo(page, page.getByRole("button", { name: "Mail the PIN letter" }));
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/access\/pin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Enter a PIN" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /Enter the PIN we mailed to Lakeside Family Clinic|Enter the PIN we mailed to 1•• Lake St/ })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "PIN from the letter" })).toBeVisible();
  await tabTo(page, page.getByRole("textbox", { name: "PIN from the letter" }));
  await expectAccessible(page);
  expect(problems).toEqual([]);
});
