import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { generateSync } from "otplib";
import { tabTo, typeInto } from "./keyboard-helpers";

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

/**
 * Signs in from the sign-in page and then does whatever comes next, as a person would: the second
 * step with a code from the authenticator set up earlier in this run, or (when the account must
 * have a second step and has none) setting one up. Returns once the sign-in is over: on the page
 * it led to, or back on the sign-in form with its error shown.
 */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await passSecondStep(page, email);
}

/**
 * Only the password: fills the sign-in form, presses the button and waits for the page it leads to
 * (a second-step page, a set-up page, or the portal), leaving any second step to the test.
 */
export async function signInWithPasswordOnly(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/signin");
}

/** The same by keyboard alone: Tab to each field and the button, Enter to press it. */
export async function signInByKeyboard(page: Page, email: string, password: string): Promise<void> {
  await typeInto(page, page.getByRole("textbox", { name: "Email", exact: true }), email);
  await typeInto(page, page.getByLabel("Password", { exact: true }), password);
  await tabTo(page, page.getByRole("button", { name: "Sign in" }));
  await page.keyboard.press("Enter");
  await passSecondStep(page, email, { keyboard: true });
}

/**
 * Authenticator secrets set up in this test run, by server and email (every suite runs in one
 * worker, so module state is shared across spec files), and the last 30-second step each one used:
 * the portal refuses a code's replay, so a second sign-in within the same step waits for the next.
 */
const authenticatorSecrets = new Map<string, string>();
const lastUsedSteps = new Map<string, number>();

function accountKey(page: Page, email: string): string {
  return `${new URL(page.url()).origin}|${email.toLowerCase()}`;
}

export function rememberAuthenticator(page: Page, email: string, secret: string): void {
  authenticatorSecrets.set(accountKey(page, email), secret.replace(/\s/g, ""));
}

export function forgetAuthenticator(page: Page, email: string): void {
  authenticatorSecrets.delete(accountKey(page, email));
}

export function knownAuthenticatorSecret(page: Page, email: string): string | undefined {
  return authenticatorSecrets.get(accountKey(page, email));
}

const STEP_MS = 30_000;

/** A current code of the secret that the portal hasn't seen yet (waits for the next step if needed). */
export async function freshAuthenticatorCode(page: Page, email: string, secret = knownAuthenticatorSecret(page, email)): Promise<string> {
  if (!secret) throw new Error(`No authenticator was set up for ${email} in this test run, so the test can't compute its code.`);
  // By authenticator, not by email: an account whose email changed keeps its authenticator, and the
  // portal refuses a code of a step it already took from either address.
  const key = `${new URL(page.url()).origin}|${secret}`;
  const last = lastUsedSteps.get(key);
  if (last !== undefined && Math.floor(Date.now() / STEP_MS) <= last) {
    await page.waitForTimeout((last + 1) * STEP_MS - Date.now() + 200);
  }
  const now = Date.now();
  lastUsedSteps.set(key, Math.floor(now / STEP_MS));
  return generateSync({ secret, epoch: Math.floor(now / 1000) });
}

/** Types the code in the page's "6-digit code" field and presses the button. */
async function submitCode(page: Page, code: string, button: string, keyboard: boolean): Promise<void> {
  const field = page.getByRole("textbox", { name: "6-digit code" });
  if (keyboard) {
    await typeInto(page, field, code);
    await tabTo(page, page.getByRole("button", { name: button }));
    await page.keyboard.press("Enter");
  } else {
    await field.fill(code);
    await page.getByRole("button", { name: button }).click();
  }
}

/**
 * Sets up an authenticator on the page that shows its QR code and setup key: reads the key, computes
 * the first code, confirms it, and remembers the secret. Returns the recovery codes shown (if any),
 * leaving the page on its "set up" answer.
 */
export async function enrollAuthenticator(page: Page, email: string, options: { keyboard?: boolean } = {}): Promise<string[]> {
  const secret = (await page.locator("code#setup-key").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  // Remembered first: if the test stops after the portal confirmed it, later sign-ins still know it.
  rememberAuthenticator(page, email, secret);
  await submitCode(page, await freshAuthenticatorCode(page, email, secret), "Turn on the authenticator app", options.keyboard ?? false);
  await expect(page.getByText("Your authenticator app is set up.")).toBeVisible();
  const list = page.getByRole("list", { name: "Recovery codes" });
  return (await list.count()) > 0 ? list.getByRole("listitem").allInnerTexts() : [];
}

const SETUP_PATH = "/account/security/setup";

/**
 * After the password: waits for where the sign-in led and passes the second step there, by code
 * (at /signin/two-step) or by setting up an authenticator (at /account/security/setup).
 */
export async function passSecondStep(page: Page, email: string, options: { keyboard?: boolean } = {}): Promise<void> {
  const keyboard = options.keyboard ?? false;
  const deadline = Date.now() + 30_000;
  const twoStepHeading = page.getByRole("heading", { level: 1, name: "Confirm it's you" });
  const setupHeading = page.getByRole("heading", { level: 1, name: "Set up two-step sign-in" });
  const formError = page.locator("form").getByRole("alert");
  while (Date.now() < deadline) {
    const path = new URL(page.url()).pathname;
    if (path === SETUP_PATH && (await setupHeading.isVisible())) {
      const codes = await enrollAuthenticator(page, email, { keyboard });
      expect(codes).toHaveLength(10);
      const next = page.getByRole("link", { name: "I have saved my codes: continue" });
      if (keyboard) {
        await tabTo(page, next);
        await page.keyboard.press("Enter");
      } else {
        await next.click();
      }
      await page.waitForURL((url) => url.pathname !== SETUP_PATH);
      return;
    }
    if (path === "/signin/two-step" && (await twoStepHeading.isVisible())) {
      await submitCode(page, await freshAuthenticatorCode(page, email), "Continue", keyboard);
      await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
      return;
    }
    // A passkey is the test's own business (its virtual authenticator answers the browser).
    if (path === "/signin/two-step/passkey") return;
    if (!path.startsWith("/signin") && path !== SETUP_PATH) return;
    const signInButton = page.getByRole("button", { name: "Sign in", exact: true });
    if (path === "/signin" && (await formError.isVisible()) && (await signInButton.count()) > 0 && (await signInButton.isEnabled())) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`The sign-in of ${email} didn't settle: still at ${page.url()}`);
}
