import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { tabTo, typeInto } from "./keyboard-helpers";
import { openEmail } from "./mailbox";
import { expectAccessible, fillCheckRegistration, knownAuthenticatorSecret, readVerificationLink, rememberAuthenticator, signIn, uniqueEmail, watchConsole } from "./support";

const PAT = { email: "pat.morgan@northside.example", password: "northside-demo-pass" };
const SHOTS = process.env.ACCOUNT_SCREENSHOTS_DIR;
// Each test registers someone and reads several emails, with an axe scan of every page: slower than most.
test.describe.configure({ timeout: 300_000 });

/** Where a browser whose session has ended lands on its next page. */
const SIGN_IN = /\/signin(\?callbackUrl=[^&]+)?$/;

/** Screenshots of a page at 1280 and 390 pixels wide, when ACCOUNT_SCREENSHOTS_DIR is set (to look at them). */
async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  const size = page.viewportSize();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}

async function newPage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { page, problems: watchConsole(page) };
}

async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/signin");
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/access$/);
}

/** Registers a new person with a demo check (each Tax ID once per suite), confirms the email and signs in. */
async function registerAndSignIn(page: Page, check: { taxId: string; checkNumber: string; vendorNumber: string }, firstName: string) {
  const person = { email: uniqueEmail(firstName.toLowerCase()), password: `${firstName.toLowerCase()} sunny window seat` };
  await page.goto("/register/provider/check");
  await fillCheckRegistration(page, { ...check, firstName, lastName: "Rivera", email: person.email, phone: "612-555-0148", password: person.password });
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/register\/check-email$/);
  await page.goto(await readVerificationLink(page, person.email));
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page).toHaveURL(/\/signin\?confirmed=1$/);
  await signIn(page, person.email, person.password);
  await expect(page).toHaveURL(/\/access$/);
  return person;
}

test("a forgotten password is reset from the emailed link: the old one is refused and earlier sessions end", async ({ browser }) => {
  // Pat is signed in on another computer.
  const earlier = await newPage(browser);
  await signInAs(earlier.page, PAT.email, PAT.password);

  const { page, problems } = await newPage(browser);
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "forgot");
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Please correct the field marked below." })).toBeVisible();
  await expect(page.getByText("Enter your work email address.").first()).toBeVisible();

  // An address without an account gets exactly the same answer page.
  await page.getByRole("textbox", { name: "Email" }).fill("nobody.here@northside.example");
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page).toHaveURL(/\/signin\/forgot\/sent$/);
  const unknownAnswer = await page.getByRole("main").innerText();

  await page.goto("/signin/forgot");
  await page.getByRole("textbox", { name: "Email" }).fill("Pat.Morgan@Northside.example");
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page).toHaveURL(/\/signin\/forgot\/sent$/);
  await expect(page.getByText("If an account uses that address, we've sent it a link to choose a new password.")).toBeVisible();
  await expect(page.getByText("The link works once, for 1 hour.")).toBeVisible();
  expect(await page.getByRole("main").innerText()).toBe(unknownAnswer);
  await expectAccessible(page);
  await shoot(page, "forgot-sent");

  const { href } = await openEmail(page, PAT.email, /Reset your HealthPartners Provider Portal password/, "Choose a new password");
  await page.goto(href!);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "reset-password");
  // The two boxes must match; the rules are registration's.
  await page.getByLabel("New password", { exact: true }).fill("lighthouse by the harbor");
  await page.getByLabel("New password again", { exact: true }).fill("lighthouse by the harbour");
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(page.getByText("The two passwords are different. Type the same new password in both boxes.").first()).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue("");
  await expectAccessible(page);
  await page.getByLabel("New password", { exact: true }).fill("lighthouse by the harbor");
  await page.getByLabel("New password again", { exact: true }).fill("lighthouse by the harbor");
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(page).toHaveURL(/\/reset-password\/done$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your password has been changed" })).toBeVisible();
  await expect(page.getByText("Sign in with your new password.")).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "reset-done");

  // The link is used up.
  await page.goto(href!);
  await expect(page.getByText("This link has already been used")).toBeVisible();
  await expect(page.getByRole("link", { name: "Send a new link" })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "reset-used");

  // The old password is refused, the new one works.
  await page.goto("/signin");
  await signIn(page, PAT.email, PAT.password);
  await expect(page.getByRole("alert").filter({ hasText: "The email address or password is not right." })).toBeVisible();
  await signIn(page, PAT.email, "lighthouse by the harbor");
  await expect(page).toHaveURL(/\/access$/);

  // The session on the other computer ended with the reset.
  await earlier.page.goto("/access");
  await expect(earlier.page).toHaveURL(SIGN_IN);

  const notice = await openEmail(page, PAT.email, /Security notice/);
  expect(notice.text).toContain("Your password was reset.");
  expect(problems).toEqual([]);
  expect(earlier.problems).toEqual([]);
});

test("a person changes their contact details and their email, confirmed from the new address", async ({ browser }) => {
  const { page, problems } = await newPage(browser);
  const person = await registerAndSignIn(page, { taxId: "41-1234567", checkNumber: "7001001", vendorNumber: "100234" }, "Jordan");

  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Account settings" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Two-step sign-in" })).toHaveAttribute("href", "/account/security");
  await expectAccessible(page);
  await shoot(page, "account");

  // Contact details: an error keeps what was typed.
  await page.getByRole("link", { name: "Change contact details" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change contact details" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Work phone" })).toHaveValue("(612) 555-0148");
  await page.getByRole("textbox", { name: "Last name" }).fill("Rivera-Stone");
  await page.getByRole("textbox", { name: "Work phone" }).fill("555-01");
  await page.getByRole("button", { name: "Save contact details" }).click();
  await expect(page.getByText("Enter a 10-digit US phone number, like 612-555-0100.").first()).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Last name" })).toHaveValue("Rivera-Stone");
  await expectAccessible(page);
  await shoot(page, "contact-error");
  await page.getByRole("textbox", { name: "Work phone" }).fill("612-555-0190");
  await page.getByRole("button", { name: "Save contact details" }).click();
  await expect(page).toHaveURL(/\/account\?saved=contact$/);
  await expect(page.getByText("Your contact details are saved.")).toBeVisible();
  await expect(page.getByText("(612) 555-0190")).toBeVisible();
  await expect(page.getByText("Signed in as Jordan Rivera-Stone")).toBeVisible();

  // Email: the current password is required.
  const newEmail = uniqueEmail("jordan.new");
  await page.getByRole("link", { name: "Change email address" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change email address" })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "change-email");
  await page.getByRole("textbox", { name: "New email address" }).fill(newEmail);
  await page.getByLabel("Current password", { exact: true }).fill("not my password at all");
  await page.getByRole("button", { name: "Send a confirmation link" }).click();
  await expect(page.getByText("That isn't your current password. Check it and try again.").first()).toBeVisible();
  await expect(page.getByRole("textbox", { name: "New email address" })).toHaveValue(newEmail);
  await page.getByLabel("Current password", { exact: true }).fill(person.password);
  await page.getByRole("button", { name: "Send a confirmation link" }).click();
  await expect(page).toHaveURL(/\/account\?saved=email$/);
  await expect(page.getByText("Check the inbox of your new email address.")).toBeVisible();
  await expect(page.getByText(person.email)).toBeVisible();

  const notice = await openEmail(page, person.email, /Security notice/);
  expect(notice.text).toMatch(/Someone asked to change your account's email to j•••@e2e\.example\./);
  const { href } = await openEmail(page, newEmail, /Confirm your new email address/, "Confirm my new email address");
  await page.goto(href!);
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your new email address" })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "confirm-email-change");
  await page.getByRole("button", { name: "Confirm my new email address" }).click();
  await expect(page).toHaveURL(/\/confirm-email-change\/done$/);
  await expect(page.getByText(`You now sign in with ${newEmail}.`)).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "email-changed");

  // Signing in: the new address works, the old one no longer does.
  await page.goto("/access");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
  await signIn(page, person.email, person.password);
  await expect(page.getByRole("alert").filter({ hasText: "The email address or password is not right." })).toBeVisible();
  // The authenticator set up at the first sign-in stays with the account, whatever its email.
  const secret = knownAuthenticatorSecret(page, person.email);
  if (secret) rememberAuthenticator(page, newEmail, secret);
  await signIn(page, newEmail, person.password);
  await expect(page).toHaveURL(/\/access$/);
  expect(problems).toEqual([]);
});

test("a person signs out another browser from account settings; that browser's next page asks to sign in", async ({ browser }) => {
  const first = await newPage(browser);
  const person = await registerAndSignIn(first.page, { taxId: "41-3456789", checkNumber: "7001003", vendorNumber: "100455" }, "Sam");
  const second = await newPage(browser);
  await signInAs(second.page, person.email, person.password);

  await first.page.goto("/account/sessions");
  await expect(first.page.getByRole("heading", { level: 1, name: "Where you're signed in" })).toBeVisible();
  const sessions = first.page.getByRole("main").getByRole("listitem");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.first()).toContainText("This device");
  await expect(sessions.nth(1)).toContainText(/Chrome on \w+/);
  await expect(sessions.nth(1)).not.toContainText("This device");
  await expectAccessible(first.page);
  await shoot(first.page, "sessions");

  await sessions.nth(1).getByRole("button", { name: /^Sign out Chrome/ }).click();
  await expect(first.page).toHaveURL(/\/account\/sessions\?ended=1$/);
  await expect(first.page.getByText("That device has been signed out.")).toBeVisible();
  await expect(first.page.getByRole("main").getByRole("listitem")).toHaveCount(1);
  await expectAccessible(first.page);

  await second.page.goto("/access");
  await expect(second.page).toHaveURL(SIGN_IN);
  // The first browser is still signed in.
  await first.page.goto("/access");
  await expect(first.page).toHaveURL(/\/access$/);
  expect(first.problems).toEqual([]);
  expect(second.problems).toEqual([]);
});

test("keyboard only: change the password from account settings, then sign out everywhere else", async ({ browser }) => {
  const { page, problems } = await newPage(browser);
  const person = await registerAndSignIn(page, { taxId: "41-3456790", checkNumber: "7001004", vendorNumber: "100456" }, "Riley");
  const other = await newPage(browser);
  await signInAs(other.page, person.email, person.password);

  await page.goto("/access");
  await tabTo(page, page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Account" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Account settings" })).toBeVisible();
  await tabTo(page, page.getByRole("link", { name: "Change password" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Change password" })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "change-password");
  await typeInto(page, page.getByLabel("Current password", { exact: true }), person.password);
  await typeInto(page, page.getByLabel("New password", { exact: true }), "quiet library on a tuesday");
  await typeInto(page, page.getByLabel("New password again", { exact: true }), "quiet library on a tuesday");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/account\?saved=password$/);
  const saved = page.getByRole("status").filter({ hasText: "Your password has been changed." });
  await expect(saved).toBeFocused();
  await expectAccessible(page);

  // Changing the password ended the other browser's session.
  await other.page.goto("/access");
  await expect(other.page).toHaveURL(SIGN_IN);
  await signIn(other.page, person.email, "quiet library on a tuesday");
  await expect(other.page).toHaveURL(/\/access$/);

  await tabTo(page, page.getByRole("link", { name: "See where you're signed in" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Where you're signed in" })).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Sign out everywhere else" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/account\/sessions\?endedOthers=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Signed out everywhere else (1 device)." })).toBeFocused();

  await other.page.goto("/access");
  await expect(other.page).toHaveURL(SIGN_IN);

  // Signing this device out from the list is signing out.
  await tabTo(page, page.getByRole("button", { name: "Sign out of this device" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
  expect(problems).toEqual([]);
  expect(other.problems).toEqual([]);
});
