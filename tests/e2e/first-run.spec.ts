import { expect, test, type Page } from "@playwright/test";
import { tabTo } from "./keyboard-helpers";
import { expectAccessible, fillCheckRegistration, openCheckRegistration, signIn, uniqueEmail, watchConsole } from "./support";

/**
 * A newcomer's first hour with the demo: register, find the email in the dev mailbox and press its
 * button there, sign in, and meet the public pages signed in. The suite's server is its own (it
 * registers Lakeside and Riverbend).
 */

const EMAIL_FRAME = 'iframe[title="Rendered HTML of the email"]';
/** Chromium logs each 404 document it loads. */
const CONSOLE_404 = "console.error: Failed to load resource: the server responded with a status of 404 (Not Found)";
/** "Nov 28, 2026, 9:14 AM CST": every time in the mailbox names its zone. */
const TIME_WITH_ZONE = /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M [A-Z]{2,5}$/;

async function registerWithCheck(page: Page, person: { email: string; password: string; taxId: string; checkNumber: string; vendorNumber?: string; npi?: string }) {
  await openCheckRegistration(page);
  await fillCheckRegistration(page, { ...person, firstName: "Jordan", lastName: "Newcomer", phone: "612-555-0142" });
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/register\/check-email$/);
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
}

/** Opens the newest confirmation email to `email` in the dev mailbox. */
async function openNewestConfirmation(page: Page, email: string) {
  await page.goto("/dev/mailbox");
  const items = page.getByRole("listitem").filter({ hasText: `To ${email}` });
  await items.first().getByRole("link", { name: /Confirm your email/ }).click();
  await expect(page).toHaveURL(/\/dev\/mailbox\/[0-9a-f-]{36}$/);
}

test("a registration is completed from the dev mailbox's button, and the public pages then show the way in and Sign out", async ({ page }) => {
  const problems = watchConsole(page);
  const email = uniqueEmail("newcomer");
  const password = "first hour lakeside heron";
  await registerWithCheck(page, { email, password, taxId: "41-1234567", checkNumber: "7001001", vendorNumber: "100234" });

  // "Check your email" says where it went, and sends it again.
  await expect(page.getByText(`We sent a link to ${email}.`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send it again" }).click();
  await expect(page.getByRole("status").filter({ hasText: `We've sent the email again to ${email}.` })).toBeVisible();
  await expectAccessible(page);

  // Two emails in the mailbox, each with a time that names its zone.
  await page.goto("/dev/mailbox");
  await expectAccessible(page);
  const items = page.getByRole("listitem").filter({ hasText: `To ${email}` });
  await expect(items).toHaveCount(2);
  for (const time of await items.locator("time").allInnerTexts()) expect(time).toMatch(TIME_WITH_ZONE);

  await openNewestConfirmation(page, email);
  await expect(page.getByRole("definition").filter({ hasText: TIME_WITH_ZONE }).first()).toBeVisible();
  await expectAccessible(page, { exclude: EMAIL_FRAME });
  const frame = page.frameLocator(EMAIL_FRAME);
  // The frame still runs no script of the email's and has no origin of the page's.
  await expect(page.locator(EMAIL_FRAME)).toHaveAttribute("sandbox", "allow-top-navigation-by-user-activation");

  // The button in the email opens the confirmation page in this tab: no pop-up, nothing blocked.
  let popups = 0;
  page.on("popup", () => {
    popups += 1;
  });
  await frame.getByRole("link", { name: "Confirm my email address" }).click();
  await expect(page).toHaveURL(/\/verify-email\?token=[A-Za-z0-9_-]+$/);
  expect(popups).toBe(0);
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your email address" })).toBeVisible();
  await expectAccessible(page);
  const link = page.url();
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page).toHaveURL(/\/signin\?confirmed=1$/);
  await expect(page.getByText("Your email address is confirmed")).toBeVisible();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/access$/);
  await expect(page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "41-1234567" }) })).toContainText("Lakeside Family Clinic");

  // The used link says so when its page opens, with the way forward, and no button.
  await page.goto(link);
  await expect(page.getByText("This link has already been used")).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm my email address" })).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("link", { name: "Go to sign in" })).toBeVisible();
  await expectAccessible(page);

  // Public pages, signed in: the way to the app and Sign out; no Sign in or Register.
  await page.goto("/");
  const account = page.getByRole("navigation", { name: "Account" });
  await expect(account.getByRole("link", { name: "Go to Tax ID & NPI access" })).toBeVisible();
  await expect(account.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(account.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  await expect(account.getByRole("link", { name: "Register" })).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("link", { name: "Go to Tax ID & NPI access" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Sign in" })).toHaveCount(0);
  await expectAccessible(page);

  // The 404 page wears the public header (signed in here) and footer.
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "We can't find that page" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("navigation", { name: "Account" }).getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText("Provider Portal gives access to members");
  await expectAccessible(page);

  // Sign out from the public header, by keyboard: the header turns back at once.
  await page.goto("/help");
  await tabTo(page, account.getByRole("button", { name: "Sign out" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await expect(account.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(account.getByRole("link", { name: "Register" })).toBeVisible();
  await expect(account.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await page.goto("/access");
  await expect(page).toHaveURL(/\/signin(\?callbackUrl=%2Faccess)?$/);

  // A broken link says so at once.
  await page.goto("/verify-email?token=not-a-real-token-at-all-000000");
  await expect(page.getByText("This link isn't valid")).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm my email address" })).toHaveCount(0);

  // The 404 page for a visitor: Sign in and Register.
  await page.goto("/still-no-such-page");
  await expect(account.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toBeVisible();

  // The two missing pages this test opened, and nothing else.
  expect(problems).toEqual([CONSOLE_404, CONSOLE_404]);
});

test("Send it again sends three an hour, then says when to ask again; the email's link also opens by keyboard", async ({ page }) => {
  const problems = watchConsole(page);
  const email = uniqueEmail("resend");
  await registerWithCheck(page, { email, password: "riverbend resend heron", taxId: "41-3456789", checkNumber: "7001003", npi: "1600123453" });

  const sendAgain = page.getByRole("button", { name: "Send it again" });
  for (let time = 1; time <= 3; time += 1) {
    await tabTo(page, sendAgain);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: `We've sent the email again to ${email}.` })).toBeVisible();
    // Let the answer settle before the next press (the same text each time).
    await expect(sendAgain).toBeEnabled();
  }
  await sendAgain.click();
  await expect(page.getByRole("alert").filter({ hasText: /you can ask again in (a minute|\d+ minutes)/ })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/dev/mailbox");
  await expect(page.getByRole("listitem").filter({ hasText: `To ${email}` })).toHaveCount(4);

  // By keyboard: Tab into the email's frame to its button, Enter opens the page in this tab.
  await openNewestConfirmation(page, email);
  const button = page.frameLocator(EMAIL_FRAME).getByRole("link", { name: "Confirm my email address" });
  await tabTo(page, button, 80);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/verify-email\?token=[A-Za-z0-9_-]+$/);
  await tabTo(page, page.getByRole("button", { name: "Confirm my email address" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/signin\?confirmed=1$/);

  expect(problems).toEqual([]);
});

test("the dev mailbox fits a phone: its text wraps, nothing scrolls sideways", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto("/dev/mailbox");
  await expect(page.getByRole("heading", { level: 1, name: "Dev mailbox" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole("link", { name: /Confirm your email/ }).first().click();
  await expect(page).toHaveURL(/\/dev\/mailbox\/[0-9a-f-]{36}$/);
  const text = page.locator("pre");
  await expect(text).toContainText("/verify-email?token=");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await text.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  await expectAccessible(page, { exclude: EMAIL_FRAME });
  expect(problems).toEqual([]);
  await context.close();
});
