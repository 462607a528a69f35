import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium (never a downloaded browser), quiet about the internet (see the e2e config). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/**
 * Signs in with the password alone from `baseUrl`/signin (servers started with MFA_REQUIRED=false)
 * and waits for the answer: a page past sign-in, or the sign-in form with its message.
 */
export async function submitSignIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  if (!page.url().startsWith(`${baseUrl}/signin`)) await page.goto(`${baseUrl}/signin`);
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await Promise.all([page.waitForResponse((response) => response.request().method() === "POST"), page.getByRole("button", { name: "Sign in" }).click()]);
}
