import { expect, test } from "@playwright/test";
import { tabTo, typeInto } from "./keyboard-helpers";
import { expectAccessible, uniqueEmail, watchConsole } from "./support";

test("registering with US Mail works by keyboard alone", async ({ page }) => {
  const problems = watchConsole(page);

  await page.goto("/register/provider");
  await expectAccessible(page);
  await tabTo(page, page.getByRole("link", { name: /Register with US Mail/ }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/register\/provider\/mail$/);
  await expect(page.getByRole("heading", { level: 1, name: "Register with US Mail" })).toBeVisible();
  await expectAccessible(page);

  await typeInto(page, page.getByRole("textbox", { name: "Tax ID", exact: true }), "41-5678901");
  await typeInto(page, page.getByRole("textbox", { name: "NPI (optional)" }), "1908765435");
  await typeInto(page, page.getByRole("textbox", { name: "First name" }), "Avery");
  await typeInto(page, page.getByRole("textbox", { name: "Last name" }), "Tabor");
  await typeInto(page, page.getByRole("textbox", { name: "Work email" }), uniqueEmail("avery"));
  await typeInto(page, page.getByRole("textbox", { name: "Work phone" }), "952-555-0166");
  await typeInto(page, page.getByLabel("Password", { exact: true }), "birchwood keyboard only");
  await tabTo(page, page.getByRole("button", { name: "Create my account and mail my PIN" }));
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/register\/check-email\?by=mail$/);
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expect(page.getByText("Your PIN letter is on its way")).toBeVisible();
  await expectAccessible(page);
  expect(problems).toEqual([]);
});
