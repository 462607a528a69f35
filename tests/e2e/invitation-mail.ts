import { expect, type Page } from "@playwright/test";
import { expectAccessible } from "./support";

/** Opens the newest invitation to `email` in the dev mailbox and returns its link (as a path on this site). */
export async function readInvitationLink(page: Page, email: string): Promise<string> {
  await page.goto("/dev/mailbox");
  await expect(page.getByRole("heading", { level: 1, name: "Dev mailbox" })).toBeVisible();
  await expectAccessible(page);
  const item = page.getByRole("listitem").filter({ hasText: `To ${email}` }).first();
  await item.getByRole("link", { name: /invited you to the HealthPartners Provider Portal/ }).click();
  await expect(page).toHaveURL(/\/dev\/mailbox\/[0-9a-f-]{36}$/);
  await expectAccessible(page, { exclude: 'iframe[title="Rendered HTML of the email"]' });
  const button = page.frameLocator('iframe[title="Rendered HTML of the email"]').getByRole("link", { name: "Accept the invitation" });
  const href = await button.getAttribute("href");
  expect(href).toMatch(/\/invitation\?token=[A-Za-z0-9_-]{43}$/);
  expect(await page.locator("pre").innerText()).toContain(href!);
  return new URL(href!).pathname + new URL(href!).search;
}
