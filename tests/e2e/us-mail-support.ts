import { expect, type Page } from "@playwright/test";
import { expectAccessible } from "./support";

export { tabTo } from "./keyboard-helpers";

/** Opens the newest queued PIN letter for a registrant in the dev mailbox and reads its PIN. */
export async function readQueuedPin(page: Page, registrantName: string): Promise<string> {
  await page.goto("/dev/mailbox");
  const queue = page.getByRole("region", { name: "PIN letters waiting to be printed" });
  await expect(queue).toBeVisible();
  await expectAccessible(page);
  const item = queue.getByRole("listitem").filter({ hasText: `Attn: ${registrantName}` });
  await expect(item).toHaveCount(1);
  await item.getByRole("link", { name: /PIN letter to Birchwood Clinic \(41-5678901\)/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "PIN letter to Birchwood Clinic" })).toBeVisible();
  await expectAccessible(page, { exclude: 'iframe[title="Rendered PIN letter"]' });
  const letter = page.frameLocator('iframe[title="Rendered PIN letter"]');
  await expect(letter.getByText("500 Birch Ln")).toBeVisible();
  await expect(letter.getByText("Bloomington, MN 55420")).toBeVisible();
  const pin = (await letter.getByText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/).innerText()).trim();
  expect(pin).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}$/);
  return pin;
}

/** The page a US Mail registrant sees wherever they go in the portal: the PIN page only. */
export async function expectOnlyThePinPage(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name: "Enter the PIN we mailed to Birchwood Clinic, 5•• Birch Ln, Bloomington, MN 55420" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Portal" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Tax ID & NPI access" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
