import { randomBytes } from "node:crypto";
import type { Executor } from "@/db/client";
import { insertCaseLinkToken } from "@/db/queries/cases";
import type { DelegateContact } from "@/db/queries/organizations";
import type { DepartedDelegateClaim } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { hashToken } from "@/lib/auth/email-verification";
import { openCase } from "@/lib/cases/open-case";
import type { RequestContext } from "@/lib/client-context";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { formatTaxId } from "@/lib/validation";
import { departedReasonLabels } from "./departed-reasons";

export type { DepartedDelegateClaim };

export { DEPARTED_REASONS, departedReasonLabels } from "./departed-reasons";

/** How long a delegate has to say "this is wrong": a delegate away for a few weeks can still answer. */
export const DISPUTE_LINK_DAYS = 30;

/** "P. M." — what a registrant may see of a delegate's name. */
export function maskedName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName.trim().charAt(0).toUpperCase()}. ${person.lastName.trim().charAt(0).toUpperCase()}.`;
}

/**
 * Someone registered for a Tax ID that already has delegates, saying they can't assist. In the
 * caller's transaction: a case for a representative to review the old delegates, an email to
 * each of them with a single-use link to dispute the claim, and the audit row.
 */
export async function recordDepartedDelegateClaim(
  executor: Executor,
  values: {
    registrant: { userId: string; firstName: string; lastName: string; email: string; phone: string | null };
    taxId: string;
    organizationName: string;
    claim: DepartedDelegateClaim;
    previousDelegates: DelegateContact[];
    now: Date;
  },
  context: RequestContext | null,
): Promise<{ caseId: string; caseNumber: number }> {
  const { registrant, claim } = values;
  const opened = await openCase(
    executor,
    {
      type: "departed_delegate_review",
      taxId: values.taxId,
      requesterUserId: registrant.userId,
      contactName: `${registrant.firstName} ${registrant.lastName}`,
      contactEmail: registrant.email,
      contactPhone: registrant.phone,
      details: {
        reason: claim.reason,
        reasonLabel: departedReasonLabels[claim.reason],
        note: claim.note,
        organizationName: values.organizationName,
        previousDelegates: values.previousDelegates.map((delegate) => `${delegate.firstName} ${delegate.lastName} <${delegate.email}>`).join("; "),
      },
      now: values.now,
    },
    context,
    registrant.userId,
  );
  await notifyPreviousDelegates(executor, { ...values, caseId: opened.id });
  await recordAudit(executor, context, {
    action: "registration.departed_delegate",
    outcome: "success",
    actorUserId: registrant.userId,
    taxId: values.taxId,
    reason: claim.reason,
    details: { caseNumber: opened.number, previousDelegates: values.previousDelegates.length },
  });
  return { caseId: opened.id, caseNumber: opened.number };
}

/** Emails every previous delegate what was said, with their own link (only its hash is kept) to say it is wrong. */
async function notifyPreviousDelegates(
  executor: Executor,
  values: { caseId: string; registrant: { firstName: string; lastName: string }; taxId: string; organizationName: string; claim: DepartedDelegateClaim; previousDelegates: DelegateContact[]; now: Date },
): Promise<void> {
  const config = env();
  const expiresAt = new Date(values.now.getTime() + DISPUTE_LINK_DAYS * 24 * 60 * 60 * 1000);
  for (const delegate of values.previousDelegates) {
    const token = randomBytes(32).toString("base64url");
    await insertCaseLinkToken(executor, { tokenHash: hashToken(token), caseId: values.caseId, userId: delegate.userId, now: values.now, expiresAt });
    await enqueueEmail(executor, {
      template: "delegate-replaced",
      to: delegate.email,
      props: {
        payerName: config.PAYER_NAME,
        firstName: delegate.firstName,
        registrantName: `${values.registrant.firstName} ${values.registrant.lastName}`,
        taxId: formatTaxId(values.taxId),
        organizationName: values.organizationName,
        // The label, not the free-text note: the note is for the representative, not a message to a third party.
        reason: reasonInSentence(departedReasonLabels[values.claim.reason]),
        disputeUrl: `${config.APP_URL}/cases/dispute?token=${encodeURIComponent(token)}`,
        expiresInDays: DISPUTE_LINK_DAYS,
      },
    });
  }
}

/** "They have left the organization" reads mid-sentence as "they have left the organization". */
function reasonInSentence(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}
