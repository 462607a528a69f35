import { expect, type Page } from "@playwright/test";
import { expectAccessible, fillCheckRegistration, openCheckRegistration, readVerificationLink, signIn, uniqueEmail } from "./support";

/** Lakeside Family Clinic's check (demo data). */
export const lakesideCheck = { taxId: "41-1234567", checkNumber: "7001001", vendorNumber: "100234" };
/** Riverbend Orthopedics' first Tax ID, with the check's NPI (demo data). */
export const riverbendCheckByNpi = { taxId: "41-3456789", checkNumber: "7001003", npi: "1600123453" };

/** Registers with a check from the demo data, confirms the email and signs in: lands on /access. */
export async function registerAndSignIn(
  page: Page,
  check: { taxId: string; checkNumber: string; vendorNumber?: string; npi?: string },
  person: { firstName: string; lastName: string },
): Promise<{ email: string; password: string }> {
  const email = uniqueEmail(person.firstName.toLowerCase());
  const password = "lakeside heron add access";
  await openCheckRegistration(page);
  await fillCheckRegistration(page, { ...check, ...person, email, phone: "612-555-0147", password });
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/register\/check-email$/);

  const link = await readVerificationLink(page, email);
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page).toHaveURL(/\/signin\?confirmed=1$/);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/access$/);
  await expectAccessible(page);
  return { email, password };
}

export { tabTo, typeInto } from "./keyboard-helpers";
