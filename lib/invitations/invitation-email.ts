import { randomBytes } from "node:crypto";
import type { Executor } from "@/db/client";
import type { InvitedAccess } from "@/db/schema";
import { hashToken } from "@/lib/auth/email-verification";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { describeNpis, type DelegateOrganization } from "@/lib/users/delegate-organizations";
import { formatTaxId } from "@/lib/validation";

export const INVITATION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A fresh link secret (32 random bytes): only its SHA-256 is stored. */
export function newInvitationToken(now: Date): { token: string; tokenHash: string; expiresAt: Date } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS) };
}

/** Puts the invitation email in the outbox, inside the caller's transaction. */
export async function enqueueInvitationEmail(
  executor: Executor,
  values: { token: string; email: string; firstName: string; inviterName: string; role: "delegate" | "user"; access: InvitedAccess[]; organizations: DelegateOrganization[] },
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
      access: values.access.map((item) => {
        const organization = values.organizations.find((candidate) => candidate.organizationId === item.organizationId);
        return {
          organization: `${organization?.name ?? "Your organization"} (Tax ID ${formatTaxId(item.taxId)})`,
          npis: describeNpis(item.npis, organization?.npis ?? []),
        };
      }),
      acceptUrl: `${config.APP_URL}/invitation?token=${encodeURIComponent(values.token)}`,
      expiresInDays: INVITATION_DAYS,
    },
  });
}
