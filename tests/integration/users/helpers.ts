import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { accessGrantNpis, accessGrants } from "@/db/schema";
import { acceptAsNewAccount } from "@/lib/invitations/accept-invitation";
import { sendInvitation, type InvitationInput } from "@/lib/invitations/send-invitation";
import { findUserByEmail } from "@/tests/support/queries";
import { emailsTo } from "@/tests/support/outbox";
import { buildRequestContext } from "@/tests/factories/request-context";
import { uniqueEmail } from "@/tests/factories/check-registration";

export const NORTHSIDE_TAX_ID = "412345678";
export const NORTHSIDE_NPI = "1450239870";

/** The token in the newest invitation email to an address, as the person would click it. */
export async function latestInvitationToken(address: string): Promise<string> {
  const latest = (await emailsTo(address, "invitation")).at(-1);
  if (!latest) throw new Error(`No invitation queued for ${address}.`);
  const match = /\/invitation\?token=([A-Za-z0-9_-]+)/.exec(latest.html);
  if (!match?.[1]) throw new Error("No /invitation?token= link in this email.");
  return match[1];
}

export function invitationInput(organizationId: string, overrides: Partial<InvitationInput> = {}): InvitationInput {
  return {
    firstName: "Casey",
    lastName: "Nguyen",
    email: uniqueEmail("casey.nguyen", "northside.example").toLowerCase(),
    role: "user",
    access: [{ key: organizationId, npis: [NORTHSIDE_NPI] }],
    submissionId: randomUUID(),
    ...overrides,
  };
}

export const inviter = (pat: { id: string }) => ({ userId: pat.id, firstName: "Pat", lastName: "Morgan" });

/** Invites someone and accepts as a new account; returns the new user's id. */
export async function inviteAndJoin(pat: { id: string }, organizationId: string, overrides: Partial<InvitationInput> = {}): Promise<{ userId: string; email: string }> {
  const input = invitationInput(organizationId, overrides);
  const sent = await sendInvitation(input, inviter(pat), buildRequestContext());
  if (!sent.ok) throw new Error(`Invitation failed: ${sent.code}`);
  const accepted = await acceptAsNewAccount(await latestInvitationToken(input.email), { firstName: input.firstName, lastName: input.lastName, phone: "6125550142", password: "a long enough passphrase" }, buildRequestContext());
  if (!accepted.ok) throw new Error(`Accepting failed: ${accepted.code}`);
  const user = await findUserByEmail(input.email);
  return { userId: user!.id, email: input.email };
}

/** Every grant row of a person for a Tax ID (history included), with its chosen NPIs. */
export async function grantRows(userId: string, taxId = NORTHSIDE_TAX_ID) {
  const grants = await db.select().from(accessGrants).where(and(eq(accessGrants.userId, userId), eq(accessGrants.taxId, taxId))).orderBy(accessGrants.createdAt);
  const npis = grants.length ? await db.select().from(accessGrantNpis).where(inArray(accessGrantNpis.grantId, grants.map((grant) => grant.id))) : [];
  return grants.map((grant) => ({ ...grant, npis: npis.filter((row) => row.grantId === grant.id).map((row) => row.npi).sort() }));
}
