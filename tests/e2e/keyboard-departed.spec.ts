import { expect, test } from "@playwright/test";
import { tabTo, typeInto } from "./keyboard-helpers";
import { openEmail } from "./mailbox";
import { expectAccessible, uniqueEmail, watchConsole } from "./support";

test("registering for Northside when its delegate can't assist, and Pat's dispute, work by keyboard alone", async ({ page }) => {
  const problems = watchConsole(page);
  const password = "northside keyboard desk";

  await page.goto("/register/provider");
  await expectAccessible(page);
  await tabTo(page, page.getByRole("link", { name: /I have a check from HealthPartners/ }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/register\/provider\/check$/);
  await expectAccessible(page);

  await typeInto(page, page.getByRole("textbox", { name: "Tax ID", exact: true }), "41-2345678");
  await typeInto(page, page.getByRole("textbox", { name: "Check number", exact: true }), "7001002");
  await typeInto(page, page.getByRole("textbox", { name: "Vendor number", exact: true }), "100310");
  await typeInto(page, page.getByRole("textbox", { name: "First name", exact: true }), "Jordan");
  await typeInto(page, page.getByRole("textbox", { name: "Last name", exact: true }), "Tabb");
  await typeInto(page, page.getByRole("textbox", { name: "Work email", exact: true }), uniqueEmail("jordan"));
  await typeInto(page, page.getByRole("textbox", { name: "Work phone", exact: true }), "651-555-0144");
  await typeInto(page, page.getByLabel("Password", { exact: true }), password);
  await tabTo(page, page.getByRole("button", { name: "Create my account" }));
  await page.keyboard.press("Enter");

  // The follow-up question: focus goes to what happened, then the keyboard answers it.
  const departed = page.getByRole("group", { name: "Northside Pediatrics already has a delegate" });
  await expect(departed).toBeVisible();
  await expect(departed).toContainText("P. M.");
  await expect(page.locator("form").getByRole("alert")).toBeFocused();
  await expectAccessible(page);
  const reasons = departed.getByRole("radio");
  // Tab enters the group on its first choice; arrows move and choose, Space chooses.
  await tabTo(page, reasons.first());
  await page.keyboard.press("Space");
  await expect(reasons.first()).toBeChecked();
  await page.keyboard.press("ArrowDown");
  await expect(reasons.nth(1)).toBeChecked();
  const left = departed.getByRole("radio", { name: "They have left the organization" });
  for (let i = 0; i < 5 && !(await left.isChecked()); i += 1) await page.keyboard.press("ArrowUp");
  await expect(left).toBeChecked();
  await expect(left).toBeFocused();
  await typeInto(page, page.getByLabel("Password", { exact: true }), password);
  await tabTo(page, page.getByRole("button", { name: "Create my account" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/register\/check-email$/);
  await expectAccessible(page);

  const { href } = await openEmail(page, "pat.morgan@northside.example", /Someone registered for Northside Pediatrics/, "Tell us this is wrong");
  expect(href).toMatch(/\/cases\/dispute\?token=[A-Za-z0-9_-]+$/);
  await page.goto(href!);
  await expect(page.getByRole("heading", { level: 1, name: "Tell us this is wrong" })).toBeVisible();
  await expectAccessible(page);
  await typeInto(page, page.getByRole("textbox", { name: /Anything we should know/ }), "I am still here and can add Jordan.");
  await tabTo(page, page.getByRole("button", { name: "Tell us this is wrong" }));
  await page.keyboard.press("Enter");
  // The answer takes focus, so the keyboard and screen reader are where the case number is.
  const answer = page.getByRole("status").filter({ hasText: /Your case number is C-\d+/ });
  await expect(answer).toBeVisible();
  await expect(answer).toBeFocused();
  await expect(page.getByText(/^Your case number is C-\d+$/)).toBeVisible();
  await expectAccessible(page);
  expect(problems).toEqual([]);
});
