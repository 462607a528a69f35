import { expect, test, type Page } from "@playwright/test";
import { openEmail } from "./mailbox";
import { expectAccessible, signIn, uniqueEmail, watchConsole } from "./support";

const PAT = { email: "pat.morgan@northside.example", password: "northside-demo-pass" };
const NEW_DEVICE = "Your account was signed in to from a new device.";

async function signInAsPat(page: Page): Promise<void> {
  await page.goto("/signin");
  await signIn(page, PAT.email, PAT.password);
  // Past the password (the second step, when required, comes next).
  await expect(page).not.toHaveURL(/\/signin(\?.*)?$/);
}

async function newDeviceNoticesToPat(page: Page): Promise<number> {
  await page.goto("/dev/mailbox");
  await expect(page.getByRole("heading", { level: 1, name: "Dev mailbox" })).toBeVisible();
  return page.getByRole("listitem").filter({ hasText: `To ${PAT.email}` }).filter({ has: page.getByRole("link", { name: /New sign-in to your/ }) }).count();
}

test("a browser gets a signed device cookie; a sign-in from another device emails the person, one from a known device doesn't", async ({ browser }) => {
  const laptopContext = await browser.newContext();
  const laptop = await laptopContext.newPage();
  const laptopProblems = watchConsole(laptop);
  await signInAsPat(laptop);

  const [cookie] = (await laptopContext.cookies()).filter((item) => item.name === "portal_device");
  expect(cookie).toBeDefined();
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(cookie!.value).toMatch(/^v1\.[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/);
  expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000 + 300 * 24 * 60 * 60);
  // Pat's first sign-in: nothing to compare with, so no email.
  expect(await newDeviceNoticesToPat(laptop)).toBe(0);

  const phoneContext = await browser.newContext();
  const phone = await phoneContext.newPage();
  const phoneProblems = watchConsole(phone);
  await signInAsPat(phone);
  expect(await newDeviceNoticesToPat(phone)).toBe(1);
  const { text } = await openEmail(phone, PAT.email, /New sign-in to your/);
  expect(text).toContain(NEW_DEVICE);

  // The laptop again, in a fresh session with its cookie: a known device, no email.
  await laptopContext.clearCookies({ name: /session-token/ });
  await signInAsPat(laptop);
  expect(await newDeviceNoticesToPat(laptop)).toBe(1);

  expect(laptopProblems).toEqual([]);
  expect(phoneProblems).toEqual([]);
  await laptopContext.close();
  await phoneContext.close();
});

test("after five wrong passwords, the pause says it is this device or network that waits", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchConsole(page);
  const email = uniqueEmail("lockout");
  await page.goto("/signin");
  // Each attempt completes (its server action answers) before the next one is typed.
  const attempt = (password: string) => Promise.all([page.waitForResponse((response) => response.request().method() === "POST"), signIn(page, email, password)]);
  for (let count = 1; count <= 5; count += 1) {
    await attempt(`wrong password ${count}`);
    await expect(page.getByRole("alert").filter({ hasText: "The email address or password is not right" })).toBeVisible();
  }
  await attempt("wrong password 6");
  const alert = page.getByRole("alert").filter({ hasText: /paused/ });
  await expect(alert).toContainText("There have been too many unsuccessful sign-in attempts from this device or network.");
  await expect(alert).toContainText(/sign-ins from here are paused for 1[45] minutes/);
  await expect(alert).not.toContainText(/organization|account is locked/i);
  await expect(page.getByRole("textbox", { name: "Email", exact: true })).toHaveValue(email);
  await expectAccessible(page);
  expect(problems).toEqual([]);
  await context.close();
});
