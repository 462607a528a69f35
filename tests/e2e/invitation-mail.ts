import { expect, type Page } from "@playwright/test";
import { openEmail } from "./mailbox";

/** Opens the newest invitation to `email` in the dev mailbox and returns its link (as a path on this site). */
export async function readInvitationLink(page: Page, email: string): Promise<string> {
  const { href } = await openEmail(page, email, /invited you to the HealthPartners Provider Portal/, "Accept the invitation");
  expect(href).toMatch(/\/invitation\?token=[A-Za-z0-9_-]{43}$/);
  return new URL(href!).pathname + new URL(href!).search;
}
