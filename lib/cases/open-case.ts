import type { Executor } from "@/db/client";
import { findCaseBySubmission, insertCase, type NewCase } from "@/db/queries/cases";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";

const openingNotes: Record<NewCase["type"], string> = {
  provider_not_listed: "Opened from \u201cMy provider is not listed\u201d.",
  departed_delegate_review: "Opened by a registration that said the delegate can't assist.",
  delegate_dispute: "Opened by a delegate who says the departed-delegate claim is wrong.",
  contact_us: "Opened from Contact us.",
};

/**
 * Opens a case for a representative, with its first history entry and an audit row, inside
 * the caller's transaction. A resubmitted form (same submission id) gets the case it opened,
 * with created: false so that the caller doesn't send its acknowledgement twice.
 */
export async function openCase(
  executor: Executor,
  values: NewCase,
  context: RequestContext | null,
  actorUserId: string | null = null,
): Promise<{ id: string; number: number; created: boolean }> {
  const opened = await insertCase(executor, values, { actorUserId, body: openingNotes[values.type] });
  if (!opened) {
    const existing = values.submissionId ? await findCaseBySubmission(executor, values.submissionId) : null;
    if (!existing) throw new Error("The case insert returned no row.");
    return { ...existing, created: false };
  }
  await recordAudit(executor, context, {
    action: "case.opened",
    outcome: "success",
    actorUserId,
    actorLabel: actorUserId ? null : values.contactEmail,
    taxId: values.taxId ?? null,
    details: { caseNumber: opened.number, type: values.type },
  });
  return { ...opened, created: true };
}

/** How a case number is shown to people. */
export function formatCaseNumber(number: number): string {
  return `C-${number}`;
}
