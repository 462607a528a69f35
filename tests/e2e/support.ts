import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Every page the tests visit must pass axe-core (WCAG 2.1 A and AA) with no violations. */
export async function expectAccessible(page: Page, options: { exclude?: string } = {}): Promise<void> {
  // After a server action redirects, Next streams the page's <title> in just after its content:
  // scan the page once it is complete, as a screen reader would meet it.
  await expect(page).toHaveTitle(/\S/);
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]);
  if (options.exclude) builder.exclude(options.exclude);
  const results = await builder.analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Fails the test on any console error or uncaught exception in the page. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    // Playwright and axe probing the dev mailbox's script-less sandboxed email frame: the test's doing, not the app's.
    if (message.text().includes("about:srcdoc") && message.text().includes("sandboxed")) return;
    if (message.type() === "error") problems.push(`console.error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

export function uniqueEmail(name: string): string {
  return `${name}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@e2e.example`;
}

export interface CheckRegistrationInput {
  taxId: string;
  checkNumber: string;
  vendorNumber?: string;
  npi?: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  password: string;
}

/** Walks from the home page to the check registration form, as a person would. */
export async function openCheckRegistration(page: Page): Promise<void> {
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Register" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Who do you work for?" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /I work for a provider/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /How will you show/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /I have a check from HealthPartners/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Register with a check from HealthPartners" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Where to find the numbers on a HealthPartners check/ })).toBeVisible();
  await expectAccessible(page);
}

export async function fillCheckRegistration(page: Page, input: CheckRegistrationInput): Promise<void> {
  await page.getByRole("textbox", { name: "Tax ID", exact: true }).fill(input.taxId);
  await page.getByRole("textbox", { name: "Check number", exact: true }).fill(input.checkNumber);
  if (input.npi !== undefined) {
    await page.getByRole("radio", { name: "NPI" }).check();
    await page.getByRole("textbox", { name: "NPI", exact: true }).fill(input.npi);
  } else {
    await page.getByRole("radio", { name: "Vendor number" }).check();
    await page.getByRole("textbox", { name: "Vendor number", exact: true }).fill(input.vendorNumber ?? "");
  }
  await page.getByRole("textbox", { name: "First name", exact: true }).fill(input.firstName);
  await page.getByRole("textbox", { name: "Last name", exact: true }).fill(input.lastName);
  await page.getByRole("textbox", { name: "Work email", exact: true }).fill(input.email);
  await page.getByRole("textbox", { name: "Work phone", exact: true }).fill(input.phone);
  await page.getByLabel("Password", { exact: true }).fill(input.password);
}

/** Opens the newest message to `email` in the dev mailbox and returns the confirmation link. */
export async function readVerificationLink(page: Page, email: string): Promise<string> {
  await page.goto("/dev/mailbox");
  await expect(page.getByRole("heading", { level: 1, name: "Dev mailbox" })).toBeVisible();
  await expectAccessible(page);
  const item = page.getByRole("listitem").filter({ hasText: `To ${email}` }).first();
  await item.getByRole("link", { name: /Confirm your email/ }).click();
  await expect(page).toHaveURL(/\/dev\/mailbox\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("definition").filter({ hasText: email })).toBeVisible();
  // The email itself sits in a script-less sandboxed frame that axe can't enter; the page around it is checked.
  await expectAccessible(page, { exclude: 'iframe[title="Rendered HTML of the email"]' });
  const button = page.frameLocator('iframe[title="Rendered HTML of the email"]').getByRole("link", { name: "Confirm my email address" });
  const href = await button.getAttribute("href");
  expect(href).toMatch(/\/verify-email\?token=[A-Za-z0-9_-]+$/);
  const text = await page.locator("pre").innerText();
  expect(text).toContain(href!);
  return href!;
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
