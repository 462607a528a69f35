import { randomBytes } from "node:crypto";
import type { Executor } from "@/db/client";
import type { InvitedAccess } from "@/db/schema";
import { hashToken } from "@/lib/auth/email-verification";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { describeNpis, unitFor, type GrantableUnit, type ManagedOrganization } from "@/lib/users/delegate-organizations";
import { formatTaxId } from "@/lib/validation";

export const INVITATION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A fresh link secret (32 random bytes): only its SHA-256 is stored. */
export function newInvitationToken(now: Date): { token: string; tokenHash: string; expiresAt: Date } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS) };
}

/**
 * What the email lists: each Tax ID with its NPIs. A billing organization's invitation names
 * the providers it gives (by their name and Tax ID) or, with none yet, the organization joined.
 */
export function describeInvitedAccess(listedUnder: Pick<ManagedOrganization, "kind" | "name" | "taxId">, access: InvitedAccess[], units: GrantableUnit[]): Array<{ organization: string; npis: string[] }> {
  if (listedUnder.kind === "billing" && access.length === 0) {
    return [{ organization: `${listedUnder.name} (Tax ID ${formatTaxId(listedUnder.taxId)})`, npis: ["no provider yet: your delegate gives you access to a provider once it approves your organization"] }];
  }
  return access.map((item) => {
    const unit = unitFor(units, item);
    return { organization: `${unit?.name ?? "Your organization"} (Tax ID ${formatTaxId(item.taxId)})`, npis: describeNpis(item.npis, unit?.npis ?? []) };
  });
}

/** Puts the invitation email in the outbox, inside the caller's transaction. */
export async function enqueueInvitationEmail(
  executor: Executor,
  values: { token: string; email: string; firstName: string; inviterName: string; role: "delegate" | "user"; listedUnder: ManagedOrganization; access: InvitedAccess[]; units: GrantableUnit[] },
): Promise<void> {
  const config = env();
  await enqueueEmail(executor, {
    template: "invitation",
    to: values.email,
    props: {
      payerName: config.PAYER_NAME,
      firstName: values.firstName,
      inviterName: values.inviterName,
      role: values.role,
      access: describeInvitedAccess(values.listedUnder, values.access, values.units),
      acceptUrl: `${config.APP_URL}/invitation?token=${encodeURIComponent(values.token)}`,
      expiresInDays: INVITATION_DAYS,
    },
  });
}
