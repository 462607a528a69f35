import { expect, test, type Page } from "@playwright/test";
import { generateSync } from "otplib";
import { tabTo, typeInto } from "./keyboard-helpers";
import { openEmail } from "./mailbox";
import {
  enrollAuthenticator,
  expectAccessible,
  forgetAuthenticator,
  freshAuthenticatorCode,
  knownAuthenticatorSecret,
  signIn,
  watchConsole,
} from "./support";

const PAT = { email: "pat.morgan@northside.example", password: "northside-demo-pass" };
const RILEY = { email: "riley.reyes@staff.example", password: "staff-demo-password" };

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
}

/** The password only: stops on the second step's page. */
async function signInWithPassword(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto("/signin");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("an authenticator app is set up, signs in with a code or a recovery code (once each), and is turned off", async ({ page }) => {
  // Codes can't be replayed: signing in again within the same 30-second step waits for the next.
  test.setTimeout(300_000);
  const problems = watchConsole(page);
  // MFA_REQUIRED is off on this suite's server, as in the dev demo: the password alone signs in.
  await page.goto("/signin");
  await signIn(page, PAT.email, PAT.password);
  await expect(page).toHaveURL(/\/access$/);
  await expect(page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Account settings" })).toHaveAttribute("href", "/account");

  await page.goto("/account/security");
  await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();
  const authenticator = page.getByRole("region", { name: "Authenticator app" });
  await expect(authenticator).toContainText("Off.");
  await expect(page.getByRole("region", { name: "Passkeys" })).toContainText("None yet.");
  await expect(page.getByRole("region", { name: "Passkeys" }).getByRole("link", { name: "Manage passkeys" })).toHaveAttribute("href", "/account/security/passkeys");
  await expectAccessible(page);

  await authenticator.getByRole("link", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Set up an authenticator app" })).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();
  await expect(page.locator("code#setup-key")).toHaveText(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
  await expectAccessible(page);

  // A wrong first code is refused and says what to do.
  const secret = (await page.locator("code#setup-key").innerText()).replace(/\s/g, "");
  const wrong = generateSync({ secret, epoch: Math.floor(Date.now() / 1000) - 600 });
  await page.getByRole("textbox", { name: "6-digit code" }).fill(wrong);
  await page.getByRole("button", { name: "Turn on the authenticator app" }).click();
  await expect(page.locator("#code-error")).toContainText("That code didn't match.");
  await expect(page.getByRole("textbox", { name: "6-digit code" })).toHaveAttribute("inputmode", "numeric");
  await expect(page.getByRole("textbox", { name: "6-digit code" })).toHaveAttribute("autocomplete", "one-time-code");

  const codes = await enrollAuthenticator(page, PAT.email);
  expect(codes).toHaveLength(10);
  for (const code of codes) expect(code).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{2}$/);
  await expectAccessible(page);
  await page.getByRole("link", { name: "I have saved my codes: continue" }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(authenticator).toContainText("On since");
  await expect(page.getByRole("region", { name: "Recovery codes" })).toContainText("10 of 10 left.");
  await signOut(page);

  // The password is not enough any more: the second step asks for the app's code.
  await signInWithPassword(page, PAT);
  await expect(page).toHaveURL(/\/signin\/two-step\?callbackUrl=%2Faccess$/);
  await expect(page.getByRole("heading", { level: 1, name: "Confirm it's you" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Use a passkey" })).toHaveCount(0);
  await expectAccessible(page);
  // Half signed in: no portal page, and the public pages don't say "signed in".
  await page.goto("/users");
  await expect(page).toHaveURL(/\/signin\/two-step\?callbackUrl=%2Fusers$/);
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/signin/two-step?callbackUrl=%2Fusers");
  await page.getByRole("textbox", { name: "6-digit code" }).fill("12345");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("#code-error")).toContainText("The code is 6 digits");
  const code = await freshAuthenticatorCode(page, PAT.email);
  await page.getByRole("textbox", { name: "6-digit code" }).fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/users$/);
  await signOut(page);

  // A recovery code instead, typed loosely (capitals, spaces): it works once.
  await signInWithPassword(page, PAT);
  await page.getByRole("link", { name: "Use a recovery code" }).click();
  await expect(page).toHaveURL(/\/signin\/two-step\/recovery\?callbackUrl=%2Faccess$/);
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Recovery code" }).fill(` ${codes[0]!.toUpperCase().replace("-", " ")} `);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/access$/);
  await signOut(page);

  const notice = await openEmail(page, PAT.email, /Security notice/);
  expect(notice.text).toContain("A recovery code was used to pass the second step of signing in to your account. You have 9 recovery codes left.");

  await signInWithPassword(page, PAT);
  await page.getByRole("link", { name: "Use a recovery code" }).click();
  await page.getByRole("textbox", { name: "Recovery code" }).fill(codes[0]!);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("#code-error")).toContainText("That recovery code didn't work: it may have been used already.");
  await expectAccessible(page);
  // Sign-out works from the second step's pages.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=1$/);

  // Turning the app off, right after a second step (fresh): no code asked again.
  await page.goto("/signin?callbackUrl=%2Faccount%2Fsecurity");
  await signIn(page, PAT.email, PAT.password);
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByRole("region", { name: "Recovery codes" })).toContainText("9 of 10 left.");
  await authenticator.getByRole("button", { name: "Remove the authenticator app" }).click();
  await expect(page).toHaveURL(/\/account\/security\?done=authenticator-removed$/);
  await expect(page.getByRole("status").filter({ hasText: "The authenticator app is removed from your account." })).toBeFocused();
  await expect(authenticator).toContainText("Off.");
  await expectAccessible(page);
  forgetAuthenticator(page, PAT.email);
  await signOut(page);

  const removed = await openEmail(page, PAT.email, /Security notice/);
  expect(removed.text).toContain("The authenticator app was removed from your account");
  // Back to the password alone.
  await page.goto("/signin");
  await signIn(page, PAT.email, PAT.password);
  await expect(page).toHaveURL(/\/access$/);
  expect(problems).toEqual([]);
});

test("a representative sets up the required second step right after the password, and walks it by keyboard alone", async ({ page }) => {
  test.setTimeout(240_000);
  const problems = watchConsole(page);
  await page.goto("/signin?callbackUrl=%2Fusers");
  await typeInto(page, page.getByRole("textbox", { name: "Email", exact: true }), RILEY.email);
  await typeInto(page, page.getByLabel("Password", { exact: true }), RILEY.password);
  await page.keyboard.press("Enter");
  // Staff always need a second step: setting one up comes first, keeping where they were going.
  await expect(page).toHaveURL(/\/account\/security\/setup\?callbackUrl=%2Fusers$/);
  await expect(page.getByRole("heading", { level: 1, name: "Set up two-step sign-in" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Portal" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Set up a passkey" })).toHaveAttribute("href", "/account/security/passkeys?callbackUrl=%2Fusers");
  await expectAccessible(page);
  // No portal page before it is done.
  await page.goto("/access");
  await expect(page).toHaveURL(/\/account\/security\/setup\?callbackUrl=%2Faccess$/);

  const codes = await enrollAuthenticator(page, RILEY.email, { keyboard: true });
  expect(codes).toHaveLength(10);
  await tabTo(page, page.getByRole("link", { name: "I have saved my codes: continue" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/staff$/);

  // The security page by keyboard: the only factor can't be removed; new codes can be made.
  await page.goto("/account/security");
  await expectAccessible(page);
  await expect(page.getByRole("region", { name: "Authenticator app" })).toContainText("It is your account's only second step, so it can't be removed.");
  await expect(page.getByRole("button", { name: "Remove the authenticator app" })).toHaveCount(0);
  await tabTo(page, page.getByRole("button", { name: "Make new codes" }));
  await page.keyboard.press("Enter");
  const fresh = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(fresh).toHaveCount(10);
  const newCodes = await fresh.allInnerTexts();
  expect(newCodes.filter((code) => codes.includes(code))).toEqual([]);
  await expectAccessible(page);

  await tabTo(page, page.getByRole("button", { name: "Sign out" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/signin\?signedOut=1$/);

  // The second step by keyboard: the old recovery codes no longer work, the app's code does.
  await typeInto(page, page.getByRole("textbox", { name: "Email", exact: true }), RILEY.email);
  await typeInto(page, page.getByLabel("Password", { exact: true }), RILEY.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Confirm it's you" })).toBeVisible();
  await tabTo(page, page.getByRole("link", { name: "Use a recovery code" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Use a recovery code" })).toBeVisible();
  await typeInto(page, page.getByRole("textbox", { name: "Recovery code" }), codes[1]!);
  await page.keyboard.press("Enter");
  await expect(page.locator("#code-error")).toContainText("That recovery code didn't work");
  await tabTo(page, page.getByRole("link", { name: "Back to the other ways to confirm" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Confirm it's you" })).toBeVisible();
  expect(knownAuthenticatorSecret(page, RILEY.email)).toBeDefined();
  await typeInto(page, page.getByRole("textbox", { name: "6-digit code" }), await freshAuthenticatorCode(page, RILEY.email));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/staff$/);
  expect(problems).toEqual([]);
});

test("a session that hasn't passed the second step signs out from it, by keyboard", async ({ page }) => {
  const problems = watchConsole(page);
  // Riley set up an authenticator in the test above.
  await page.goto("/signin");
  await typeInto(page, page.getByRole("textbox", { name: "Email", exact: true }), RILEY.email);
  await typeInto(page, page.getByLabel("Password", { exact: true }), RILEY.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Confirm it's you" })).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Sign out" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
  // The session is over: the second step's page sends back to sign in.
  await page.goto("/signin/two-step");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccess$/);
  expect(problems).toEqual([]);
});
