import { expect, test } from "@playwright/test";
import { lakesideCheck, registerAndSignIn, riverbendCheckByNpi, tabTo, typeInto } from "./access-helpers";
import { expectAccessible, watchConsole } from "./support";

test("a Lakeside delegate adds Riverbend's second Tax ID with a check, after one wrong check number", async ({ page }) => {
  const problems = watchConsole(page);
  await registerAndSignIn(page, lakesideCheck, { firstName: "Morgan", lastName: "Hale" });

  await page.getByRole("link", { name: "Add a Tax ID or NPI" }).click();
  await expect(page).toHaveURL(/\/access\/add$/);
  await expect(page.getByRole("heading", { level: 1, name: "Add a Tax ID or NPI" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Request a PIN letter/ })).toHaveAttribute("href", "/access/add/mail");
  await expectAccessible(page);

  // A wrong check number: refused, every field kept.
  await page.getByRole("textbox", { name: "Tax ID", exact: true }).fill("41-3456790");
  await page.getByRole("textbox", { name: "Check number", exact: true }).fill("7001999");
  await page.getByRole("textbox", { name: "Vendor number", exact: true }).fill("100456");
  await page.getByRole("button", { name: "Add this Tax ID" }).click();
  const summary = page.locator("form").getByRole("alert");
  await expect(summary).toContainText("We couldn't verify this Tax ID with these details");
  await expect(page.getByRole("textbox", { name: "Tax ID", exact: true })).toHaveValue("41-3456790");
  await expect(page.getByRole("textbox", { name: "Check number", exact: true })).toHaveValue("7001999");
  await expect(page.getByRole("textbox", { name: "Vendor number", exact: true })).toHaveValue("100456");
  await expect(page.getByRole("textbox", { name: "Check number", exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.getByRole("textbox", { name: "Check number", exact: true }).fill("7001004");
  await page.getByRole("button", { name: "Add this Tax ID" }).click();

  await expect(page).toHaveURL(/\/access\?added=413456790$/);
  await expect(page.getByRole("status").filter({ hasText: "Access added: Riverbend Orthopedics (41-3456790)" })).toContainText("you are its delegate");
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "41-3456790" }) });
  await expect(row).toContainText("Riverbend Orthopedics");
  await expect(row).toContainText("Delegate");
  await expect(row).toContainText("Registered with a check (check ending 1004)");
  await expect(row.getByRole("cell").last()).toHaveText("Active");
  await expect(page.getByRole("columnheader")).toHaveText(["Tax ID", "Organization", "NPIs", "How access was granted", "Since", "Status"]);
  await expectAccessible(page);

  // On a phone: no sideways scrolling, and every Tax ID shows its status.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  for (const taxId of ["41-1234567", "41-3456790"]) {
    const card = page.getByRole("list", { name: "Your Tax IDs and NPIs" }).locator(":scope > li").filter({ hasText: taxId });
    await expect(card).toBeVisible();
    await expect(card.getByText("Active", { exact: true })).toBeVisible();
  }
  await expectAccessible(page);

  expect(problems).toEqual([]);
});

test("without a check or notice, a representative is asked and a case number shown; the add form works by keyboard alone", async ({ page }) => {
  const problems = watchConsole(page);
  await registerAndSignIn(page, riverbendCheckByNpi, { firstName: "Quinn", lastName: "Ortiz" });

  // Keyboard only: from /access to the add form, choose a notice, type, submit.
  await tabTo(page, page.getByRole("link", { name: "Add a Tax ID or NPI" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/access\/add$/);
  await typeInto(page, page.getByRole("textbox", { name: "Tax ID", exact: true }), "41-4567890");
  await tabTo(page, page.getByRole("radio", { name: "A check" }));
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "A non-payment notice" })).toBeChecked();
  await typeInto(page, page.getByRole("textbox", { name: "NPI on the notice" }), "1823456706");
  await typeInto(page, page.getByRole("textbox", { name: "Notice number" }), "4400123");
  await tabTo(page, page.getByRole("button", { name: "Add this Tax ID" }));
  await page.keyboard.press("Enter");
  await expect(page.locator("form").getByRole("alert")).toContainText("Include the NP in front of the number");
  await expect(page.locator("form").getByRole("alert")).toBeFocused();
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Notice number" }).focus();
  await page.keyboard.press("Home");
  await page.keyboard.type("NP");
  await tabTo(page, page.getByRole("button", { name: "Add this Tax ID" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/access\?added=414567890$/);
  await expect(page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "41-4567890" }) }).getByRole("cell").last()).toHaveText("Active");

  // Contact a representative: the Help Center's Contact us, with its topic chosen and the account's details filled in.
  await page.goto("/access/add");
  await page.getByRole("link", { name: /Contact a representative/ }).click();
  await expect(page).toHaveURL(/\/help\/contact\?topic=add-tax-id$/);
  await expect(page.getByRole("heading", { level: 1, name: "Contact us" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Add a Tax ID without a check/ })).toBeChecked();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send to a representative" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("Please correct the 2 fields marked below.");
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Tax ID", exact: true }).fill("41-5678901");
  await page.getByRole("textbox", { name: "Your message" }).fill("New office manager at Birchwood Clinic; no checks yet.");
  await page.getByRole("button", { name: "Send to a representative" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Your case number is C-\d+/ })).toBeVisible();
  await expectAccessible(page);
  // The old address leads to the same form.
  await page.goto("/access/add/contact");
  await expect(page).toHaveURL(/\/help\/contact\?topic=add-tax-id$/);

  expect(problems).toEqual([]);
});
