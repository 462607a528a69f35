import { expect, test } from "@playwright/test";
import { expectAccessible, fillCheckRegistration, openCheckRegistration, readVerificationLink, signIn, uniqueEmail, watchConsole } from "./support";

const people = [
  {
    title: "a person at Lakeside Family Clinic registers with the check's vendor number",
    taxId: "41-1234567",
    organization: "Lakeside Family Clinic",
    checkNumber: "7001001",
    vendorNumber: "100234",
    firstName: "Jordan",
    lastName: "Lee",
    npis: ["1234567893", "1045678012"],
  },
  {
    title: "a person at Riverbend Orthopedics registers with the check number and an NPI",
    taxId: "41-3456789",
    organization: "Riverbend Orthopedics",
    checkNumber: "7001003",
    npi: "1600123453",
    firstName: "Sam",
    lastName: "Okafor",
    npis: ["1600123453"],
  },
];

for (const person of people) {
  test(person.title, async ({ page }) => {
    const problems = watchConsole(page);
    const email = uniqueEmail(person.firstName.toLowerCase());
    const password = "lakeside blue heron 42";

    await openCheckRegistration(page);
    await fillCheckRegistration(page, { ...person, email, phone: "612-555-0147", password });
    await page.getByRole("button", { name: "Create my account" }).click();

    await expect(page).toHaveURL(/\/register\/check-email$/);
    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
    await expectAccessible(page);

    // Not confirmed yet: signing in is refused, and a fresh link is sent.
    await page.goto("/signin");
    await signIn(page, email, password);
    await expect(page.getByRole("alert").filter({ hasText: "confirm your email address first" })).toBeVisible();

    const link = await readVerificationLink(page, email);
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1, name: "Confirm your email address" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Confirm my email address" }).click();

    await expect(page).toHaveURL(/\/signin\?confirmed=1$/);
    await expect(page.getByText("Your email address is confirmed")).toBeVisible();
    await expectAccessible(page);
    await signIn(page, email, password);

    await expect(page).toHaveURL(/\/access$/);
    await expect(page.getByRole("heading", { level: 1, name: "Tax ID & NPI access" })).toBeVisible();
    await expect(page.getByText(`You are the delegate for ${person.organization} (${person.taxId})`)).toBeVisible();
    const headers = page.getByRole("columnheader");
    await expect(headers).toHaveText(["Tax ID", "Organization", "NPIs", "How access was granted", "Since", "Status"]);
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: person.taxId }) });
    await expect(row).toContainText(person.organization);
    await expect(row).toContainText("Delegate");
    await expect(row).toContainText(`Registered with a check (check ending ${person.checkNumber.slice(-4)})`);
    for (const npi of person.npis) await expect(row).toContainText(npi);
    await expect(row.getByRole("cell").last()).toHaveText("Active");
    await expectAccessible(page);

    // The link works once only, and its page says so when it opens (no button to press first).
    await page.goto(link);
    await expect(page.getByText("This link has already been used")).toBeVisible();
    await expect(page.getByRole("button", { name: "Confirm my email address" })).toHaveCount(0);

    await page.goto("/access");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
    await expect(page.getByText("You have signed out.")).toBeVisible();
    await page.goto("/access");
    // The server-side session is over whatever the browser still holds: a prefetch answered just
    // before the sign-out can hand the old cookie back, and then the page (not the proxy) sends
    // the visitor to sign in, without the way back.
    await expect(page).toHaveURL(/\/signin(\?callbackUrl=%2Faccess)?$/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

    expect(problems).toEqual([]);
  });
}
