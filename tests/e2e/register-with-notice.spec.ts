import { expect, test } from "@playwright/test";
import { expectAccessible, fillCheckRegistration, openCheckRegistration, readVerificationLink, signIn, uniqueEmail, watchConsole } from "./support";

test("a person at Prairie Health Partners registers with a non-payment notice, first without its NP", async ({ page }) => {
  const problems = watchConsole(page);
  const email = uniqueEmail("prairie");
  const password = "prairie notice front desk";

  await page.goto("/register/provider");
  await expectAccessible(page);
  await expect(page.getByRole("link", { name: "My provider is not listed" })).toBeVisible();
  await page.getByRole("link", { name: /I received a non-payment notice/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Register with a non-payment notice" })).toBeVisible();
  await expect(page.getByText(/notice number.*is printed at the top right/)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("textbox", { name: "Tax ID", exact: true }).fill("41-4567890");
  await page.getByRole("textbox", { name: "NPI", exact: true }).fill("1823456706");
  await page.getByRole("textbox", { name: "Notice number", exact: true }).fill("4400123");
  await page.getByRole("textbox", { name: "First name", exact: true }).fill("Morgan");
  await page.getByRole("textbox", { name: "Last name", exact: true }).fill("Ellis");
  await page.getByRole("textbox", { name: "Work email", exact: true }).fill(email);
  await page.getByRole("textbox", { name: "Work phone", exact: true }).fill("507-555-0142");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create my account" }).click();

  const notice = page.getByRole("textbox", { name: "Notice number", exact: true });
  await expect(notice).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#noticeNumber-error")).toHaveText(/^⚠\s*Include the NP in front of the number$/);
  await expect(notice).toHaveValue("4400123");
  await expect(page.getByRole("textbox", { name: "Work email", exact: true })).toHaveValue(email);
  await expectAccessible(page);

  await notice.fill("np 4400123");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/register\/check-email$/);
  await expectAccessible(page);

  const link = await readVerificationLink(page, email);
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page).toHaveURL(/\/signin\?confirmed=1$/);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/access$/);
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "41-4567890" }) });
  await expect(row).toContainText("Prairie Health Partners");
  await expect(row).toContainText("Registered with a non-payment notice (non-payment notice ending 0123)");
  await expect(row.getByRole("cell").last()).toHaveText("Active");
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test("registering Lakeside as 'Ann Rivera' asks 'Are you Ann Rivera, MD?' and goes on after confirming", async ({ page }) => {
  const problems = watchConsole(page);
  const password = "lakeside own name check";
  await openCheckRegistration(page);
  await fillCheckRegistration(page, {
    taxId: "41-1234567",
    checkNumber: "7001001",
    vendorNumber: "100234",
    firstName: "Ann",
    lastName: "Rivera",
    email: uniqueEmail("ann"),
    phone: "612-555-0190",
    password,
  });
  await page.getByRole("button", { name: "Create my account" }).click();

  const question = page.getByRole("group", { name: "Are you Ann Rivera, MD?" });
  await expect(question).toBeVisible();
  await expectAccessible(page);
  await question.getByRole("checkbox", { name: /this is my own name/ }).check();
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create my account" }).click();

  // Past the question: the account is created, or (if another test registered Lakeside first) the delegate question comes next.
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" }).or(page.getByRole("group", { name: /already has a delegate/ }))).toBeVisible();
  await expect(question).toHaveCount(0);
  expect(problems).toEqual([]);
});
