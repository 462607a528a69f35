import { db } from "@/db/client";
import { findAccountContact } from "@/db/queries/accounts";
import { addCaseEvent, findCaseLinkToken, findCaseSummary, useCaseLinkToken } from "@/db/queries/cases";
import { hashToken } from "@/lib/auth/email-verification";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { formatCaseNumber, openCase } from "./open-case";

export type DisputeLinkProblem = "invalid" | "used" | "expired";

export type DisputeResult = { ok: true; caseNumber: number } | { ok: false; reason: DisputeLinkProblem };

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/;

/** Why a dispute link can't be used, if it can't: read only, so opening the link changes nothing. */
export async function disputeLinkProblem(token: string, now = new Date()): Promise<DisputeLinkProblem | null> {
  if (!TOKEN_PATTERN.test(token)) return "invalid";
  const link = await findCaseLinkToken(db, hashToken(token));
  if (!link) return "invalid";
  if (link.usedAt) return "used";
  return link.expiresAt <= now ? "expired" : null;
}

/**
 * A delegate says the departed-delegate claim about them is wrong. In one transaction: the
 * link is used up, a delegate_dispute case related to the review case is opened, the review
 * case records it in its history, and the audit row is written.
 */
export async function disputeDepartedClaim(input: { token: string; message: string | null }, context: RequestContext, now = new Date()): Promise<DisputeResult> {
  if (!TOKEN_PATTERN.test(input.token)) return { ok: false, reason: "invalid" };
  const tokenHash = hashToken(input.token);
  return db.transaction(async (tx) => {
    const link = await useCaseLinkToken(tx, tokenHash, now);
    if (!link) {
      const existing = await findCaseLinkToken(tx, tokenHash);
      const reason: DisputeLinkProblem = !existing ? "invalid" : existing.usedAt ? "used" : "expired";
      await recordAudit(tx, context, { action: "case.opened", outcome: "failure", subjectUserId: existing?.userId ?? null, reason: `dispute_link_${reason}` });
      return { ok: false, reason } as const;
    }
    const review = await findCaseSummary(tx, link.caseId);
    const delegate = await findAccountContact(tx, { id: link.userId });
    if (!review || !delegate) throw new Error("A dispute link points to a case or person that no longer exists.");

    const name = `${delegate.firstName} ${delegate.lastName}`;
    const opened = await openCase(
      tx,
      {
        type: "delegate_dispute",
        taxId: review.taxId,
        requesterUserId: delegate.id,
        contactName: name,
        contactEmail: delegate.email,
        contactPhone: delegate.phone,
        details: { reviewCase: formatCaseNumber(review.number), organizationName: review.details.organizationName ?? null, message: input.message },
        relatedCaseId: review.id,
        now,
      },
      context,
      delegate.id,
    );
    await addCaseEvent(tx, { caseId: review.id, kind: "linked", actorUserId: delegate.id, body: `${name} says this is wrong: see case ${formatCaseNumber(opened.number)}.`, now });
    return { ok: true, caseNumber: opened.number } as const;
  });
}
