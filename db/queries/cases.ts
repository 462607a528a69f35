import { and, eq, gt, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { caseEvents, caseLinkTokens, cases } from "../schema";

export type CaseType = (typeof cases.$inferSelect)["type"];

export interface NewCase {
  type: CaseType;
  taxId?: string | null;
  npi?: string | null;
  requesterUserId?: string | null;
  contactName: string;
  contactEmail: string;
  contactPhone?: string | null;
  details: Record<string, string | null>;
  relatedCaseId?: string | null;
  submissionId?: string | null;
  now: Date;
}

/** Opens a case with its first history entry; null when this submission already opened one. */
export async function insertCase(executor: Executor, values: NewCase, openedBy: { actorUserId: string | null; body: string }) {
  const [row] = await executor
    .insert(cases)
    .values({
      type: values.type,
      taxId: values.taxId ?? null,
      npi: values.npi ?? null,
      requesterUserId: values.requesterUserId ?? null,
      contactName: values.contactName,
      contactEmail: values.contactEmail,
      contactPhone: values.contactPhone ?? null,
      details: values.details,
      relatedCaseId: values.relatedCaseId ?? null,
      submissionId: values.submissionId ?? null,
      createdAt: values.now,
      updatedAt: values.now,
    })
    .onConflictDoNothing()
    .returning({ id: cases.id, number: cases.number });
  if (!row) return null;
  await executor.insert(caseEvents).values({ caseId: row.id, kind: "opened", actorUserId: openedBy.actorUserId, body: openedBy.body, occurredAt: values.now });
  return row;
}

export async function findCaseBySubmission(executor: Executor, submissionId: string) {
  const [row] = await executor.select({ id: cases.id, number: cases.number }).from(cases).where(eq(cases.submissionId, submissionId)).limit(1);
  return row ?? null;
}

export async function addCaseEvent(executor: Executor, values: { caseId: string; kind: (typeof caseEvents.$inferSelect)["kind"]; actorUserId: string | null; body: string; now: Date }): Promise<void> {
  await executor.insert(caseEvents).values({ caseId: values.caseId, kind: values.kind, actorUserId: values.actorUserId, body: values.body, occurredAt: values.now });
}

export async function insertCaseLinkToken(executor: Executor, values: { tokenHash: string; caseId: string; userId: string; now: Date; expiresAt: Date }): Promise<void> {
  await executor.insert(caseLinkTokens).values({ tokenHash: values.tokenHash, caseId: values.caseId, userId: values.userId, createdAt: values.now, expiresAt: values.expiresAt });
}

/** Uses a case link if it is unused and unexpired (one statement, so two clicks can't both succeed); returns its case and person, or null. */
export async function useCaseLinkToken(executor: Executor, tokenHash: string, now: Date): Promise<{ caseId: string; userId: string } | null> {
  const [used] = await executor
    .update(caseLinkTokens)
    .set({ usedAt: now })
    .where(and(eq(caseLinkTokens.tokenHash, tokenHash), isNull(caseLinkTokens.usedAt), gt(caseLinkTokens.expiresAt, now)))
    .returning({ caseId: caseLinkTokens.caseId, userId: caseLinkTokens.userId });
  return used ?? null;
}

/** A case link's state, whether usable or not: to tell people why a link no longer works. */
export async function findCaseLinkToken(executor: Executor, tokenHash: string) {
  const [row] = await executor
    .select({ caseId: caseLinkTokens.caseId, userId: caseLinkTokens.userId, usedAt: caseLinkTokens.usedAt, expiresAt: caseLinkTokens.expiresAt })
    .from(caseLinkTokens)
    .where(eq(caseLinkTokens.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

/** What a related case needs to know of a case. */
export async function findCaseSummary(executor: Executor, caseId: string) {
  const [row] = await executor
    .select({ id: cases.id, number: cases.number, type: cases.type, taxId: cases.taxId, details: cases.details })
    .from(cases)
    .where(eq(cases.id, caseId))
    .limit(1);
  return row ?? null;
}
