import { expect, test, type CDPSession, type Locator, type Page, type TestInfo } from "@playwright/test";
import { tabTo } from "./keyboard-helpers";
import { openEmail } from "./mailbox";
import { expectAccessible, signInWithPasswordOnly, watchConsole } from "./support";

const PAT = { email: "pat.morgan@northside.example", password: "northside-demo-pass" };
const NOTICE = /Security notice for your HealthPartners Provider Portal account/;

/** A platform authenticator with user verification (Chrome DevTools' virtual authenticator). */
async function addVirtualAuthenticator(cdp: CDPSession): Promise<string> {
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return authenticatorId;
}

/** Presses Shift+Tab until the target has focus (it comes before the focused element). */
async function shiftTabTo(page: Page, target: Locator, maxPresses = 30): Promise<void> {
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press("Shift+Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Could not reach ${target} with Shift+Tab`);
}

/** The page at a desktop and a phone width, saved for a person to look at. */
async function screenshots(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("add a passkey as the second step, sign in with it, and remove one with a fresh second step", async ({ browser }, testInfo) => {
  // One long flow (two sign-ins, three ceremonies, nine accessibility scans) on shared cores.
  test.setTimeout(300_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchConsole(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const laptop = await addVirtualAuthenticator(cdp);

  // Signing in with the password: an account that must set up a second step is sent to set it up.
  await page.goto("/signin");
  await signInWithPasswordOnly(page, PAT.email, PAT.password);
  // The second step is required (MFA_REQUIRED is on in production) and Pat has no factor yet: set one up.
  await page.waitForURL((url) => url.pathname === "/account/security/setup");
  await page.getByRole("link", { name: "Set up a passkey" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Passkeys" })).toBeVisible();
  await expect(page.getByText("One more step to finish signing in")).toBeVisible();
  await expect(page.getByText("You have no passkeys yet.")).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, testInfo, "passkeys-first");

  // A name is needed: the error says so, next to the field.
  await page.getByRole("button", { name: "Add passkey" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Please correct the field marked below." })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Name for this passkey" })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.getByRole("textbox", { name: "Name for this passkey" }).fill("Office laptop");
  await page.getByRole("button", { name: "Add passkey" }).click();
  // The first passkey completes the second step and comes with recovery codes, shown once; then on to the portal.
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await expectAccessible(page);
  await page.getByRole("link", { name: "I have saved my codes: continue" }).click();
  await expect(page).toHaveURL(/\/access$/);
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId: laptop });
  expect(credentials).toHaveLength(1);

  await page.goto("/account/security/passkeys");
  const officeLaptop = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Office laptop" }) });
  await expect(officeLaptop).toContainText("Not used yet");
  await expect(page.getByText("One more step to finish signing in")).toHaveCount(0);
  await expectAccessible(page);

  const added = await openEmail(page, PAT.email, NOTICE);
  expect(added.text).toContain("A passkey named “Office laptop” was added to your account.");

  // Sign out, then in again: password, then the passkey.
  await page.goto("/access");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
  await signInWithPasswordOnly(page, PAT.email, PAT.password);
  // Passkeys are the account's only factor: the second step asks for one straight away.
  await expect(page).toHaveURL(/\/signin\/two-step\/passkey/);
  // Arrived (the address changes before the page is shown): only then open it again, to come back to the passkeys.
  await expect(page.getByRole("heading", { level: 1, name: "Confirm it's you" })).toBeVisible();
  await page.goto("/signin/two-step/passkey?callbackUrl=%2Faccount%2Fsecurity%2Fpasskeys");
  await expect(page.getByRole("heading", { level: 1, name: "Confirm it's you" })).toBeVisible();
  // No authenticator app on this account: no link to one.
  await expect(page.getByRole("link", { name: "Use a code from your authenticator app instead" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Use a recovery code" })).toHaveAttribute("href", "/signin/two-step/recovery?callbackUrl=%2Faccount%2Fsecurity%2Fpasskeys");
  await expectAccessible(page);
  await screenshots(page, testInfo, "two-step-passkey");
  // A passkey answer that doesn't verify (a bad signature): a plain message, what to do next, and the other ways.
  await cdp.send("WebAuthn.setResponseOverrideBits", { authenticatorId: laptop, isBogusSignature: true });
  await page.getByRole("button", { name: "Use your passkey" }).click();
  const failure = page.getByRole("alert").filter({ hasText: "That didn't work." });
  await expect(failure).toContainText("We couldn't verify this passkey. Press “Use your passkey” to try again, or use one of the other ways below.");
  await expect(failure).toBeFocused();
  await expect(page).toHaveURL(/\/signin\/two-step\/passkey/);
  await expectAccessible(page);
  await screenshots(page, testInfo, "two-step-passkey-error");
  await cdp.send("WebAuthn.setResponseOverrideBits", { authenticatorId: laptop, isBogusSignature: false });
  // Then by keyboard alone.
  await tabTo(page, page.getByRole("button", { name: "Use your passkey" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/account\/security\/passkeys$/);
  await expect(officeLaptop).not.toContainText("Not used yet");
  await expect(officeLaptop).toContainText("Last used");

  // A second passkey, on another device, added and renamed by keyboard alone.
  await cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId: laptop });
  await addVirtualAuthenticator(cdp);
  await tabTo(page, page.getByRole("textbox", { name: "Name for this passkey" }));
  await page.keyboard.type("My phone");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Your passkey “My phone” is added." })).toBeVisible();
  const phone = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "My phone" }) });
  await tabTo(page, phone.getByRole("button", { name: "Rename My phone" }));
  await page.keyboard.press("Enter");
  const newName = page.getByRole("textbox", { name: "New name for “My phone”" });
  await expect(newName).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Front desk phone");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 3, name: "Front desk phone" })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, testInfo, "passkeys-list");

  // Removing needs the second step passed in the last 10 minutes: it was, just now.
  await shiftTabTo(page, officeLaptop.getByRole("button", { name: "Remove Office laptop" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("group", { name: "Remove the passkey “Office laptop”?" })).toBeFocused();
  await expectAccessible(page);
  await tabTo(page, page.getByRole("button", { name: "Yes, remove it" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/account\/security\/passkeys\?removed=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Passkey removed." })).toBeFocused();
  await expect(page.getByRole("heading", { name: "Office laptop" })).toHaveCount(0);

  // The last factor of an account that must have one stays.
  await page.getByRole("button", { name: "Remove Front desk phone" }).click();
  await page.getByRole("button", { name: "Yes, remove it" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This is the only way you have to confirm it's you" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Front desk phone" })).toBeVisible();
  await expectAccessible(page);

  const removed = await openEmail(page, PAT.email, NOTICE);
  expect(removed.text).toContain("The passkey named “Office laptop” was removed from your account.");
  expect(problems).toEqual([]);
  await context.close();
});
