import { expect, type Page } from "@playwright/test";
import { expectAccessible } from "./support";

const EMAIL_FRAME = 'iframe[title="Rendered HTML of the email"]';

/**
 * Opens the newest message to `to` whose subject matches, in the dev mailbox, checks the page
 * around it, and returns the email's plain text and, if asked, the href of one of its links.
 */
export async function openEmail(page: Page, to: string, subject: RegExp, linkName?: string | RegExp): Promise<{ text: string; href: string | null }> {
  await page.goto("/dev/mailbox");
  await expect(page.getByRole("heading", { level: 1, name: "Dev mailbox" })).toBeVisible();
  const item = page.getByRole("listitem").filter({ hasText: `To ${to}` }).filter({ has: page.getByRole("link", { name: subject }) }).first();
  await item.getByRole("link", { name: subject }).click();
  await expect(page).toHaveURL(/\/dev\/mailbox\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("definition").filter({ hasText: to })).toBeVisible();
  await expectAccessible(page, { exclude: EMAIL_FRAME });
  const text = await page.locator("pre").innerText();
  if (!linkName) return { text, href: null };
  const href = await page.frameLocator(EMAIL_FRAME).getByRole("link", { name: linkName }).getAttribute("href");
  expect(href).not.toBeNull();
  expect(text).toContain(href!);
  return { text, href };
}
