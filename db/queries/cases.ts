import { and, asc, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { caseEvents, caseLinkTokens, cases, users } from "../schema";

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

// ---- The representatives' console -------------------------------------------------------

export type CaseStatus = (typeof cases.$inferSelect)["status"];
export type CaseEventKind = (typeof caseEvents.$inferSelect)["kind"];

export interface CaseQueueFilter {
  type?: CaseType | null;
  status?: CaseStatus | null;
  /** "newest": newest first; "oldest_open": unresolved cases first, oldest first. */
  order: "newest" | "oldest_open";
  limit: number;
}

const assignee = alias(users, "assignee");

/** The console's queue: one row per case, with its assignee's name. */
export async function listCaseQueue(executor: Executor, filter: CaseQueueFilter) {
  const conditions = [filter.type ? eq(cases.type, filter.type) : undefined, filter.status ? eq(cases.status, filter.status) : undefined];
  return executor
    .select({
      id: cases.id,
      number: cases.number,
      type: cases.type,
      status: cases.status,
      taxId: cases.taxId,
      contactName: cases.contactName,
      contactEmail: cases.contactEmail,
      createdAt: cases.createdAt,
      assigneeFirstName: assignee.firstName,
      assigneeLastName: assignee.lastName,
    })
    .from(cases)
    .leftJoin(assignee, eq(assignee.id, cases.assignedToUserId))
    .where(and(...conditions))
    .orderBy(...(filter.order === "newest" ? [desc(cases.createdAt), desc(cases.number)] : [sql`${cases.status} = 'resolved'`, asc(cases.createdAt), asc(cases.number)]))
    .limit(filter.limit);
}
export type CaseQueueRow = Awaited<ReturnType<typeof listCaseQueue>>[number];

/** A case by the number people see, everything as submitted, with its assignee's name. */
export async function findCaseByNumber(executor: Executor, number: number) {
  const [row] = await executor
    .select({
      id: cases.id,
      number: cases.number,
      type: cases.type,
      status: cases.status,
      taxId: cases.taxId,
      npi: cases.npi,
      requesterUserId: cases.requesterUserId,
      contactName: cases.contactName,
      contactEmail: cases.contactEmail,
      contactPhone: cases.contactPhone,
      details: cases.details,
      relatedCaseId: cases.relatedCaseId,
      assignedToUserId: cases.assignedToUserId,
      assigneeFirstName: assignee.firstName,
      assigneeLastName: assignee.lastName,
      createdAt: cases.createdAt,
      updatedAt: cases.updatedAt,
      resolvedAt: cases.resolvedAt,
    })
    .from(cases)
    .leftJoin(assignee, eq(assignee.id, cases.assignedToUserId))
    .where(eq(cases.number, number))
    .limit(1);
  return row ?? null;
}
export type CaseRecord = NonNullable<Awaited<ReturnType<typeof findCaseByNumber>>>;

/** The case of an id (a related case): its number and type. */
export async function findCaseNumber(executor: Executor, caseId: string) {
  const [row] = await executor.select({ number: cases.number, type: cases.type }).from(cases).where(eq(cases.id, caseId)).limit(1);
  return row ?? null;
}

/** Locks a case's row until the transaction ends, so two representatives' actions apply one at a time; returns its state. */
export async function lockCase(executor: Executor, caseId: string) {
  const [row] = await executor.select({ status: cases.status, assignedToUserId: cases.assignedToUserId }).from(cases).where(eq(cases.id, caseId)).for("update");
  return row ?? null;
}

/** A case's history, oldest first, with each actor's name. */
export async function listCaseEvents(executor: Executor, caseId: string) {
  return executor
    .select({ id: caseEvents.id, kind: caseEvents.kind, body: caseEvents.body, occurredAt: caseEvents.occurredAt, actorFirstName: users.firstName, actorLastName: users.lastName, actorType: users.accountType })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorUserId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.occurredAt), asc(caseEvents.id));
}

/** Assigns a case; an open case becomes in progress. */
export async function assignCase(executor: Executor, caseId: string, userId: string, now: Date): Promise<void> {
  await executor
    .update(cases)
    .set({ assignedToUserId: userId, updatedAt: now, status: sql`case when ${cases.status} = 'open' then 'in_progress'::case_status else ${cases.status} end` })
    .where(eq(cases.id, caseId));
}

/** Sets a case's status (resolvedAt follows it); false when it already had that status. */
export async function setCaseStatus(executor: Executor, caseId: string, status: CaseStatus, now: Date): Promise<boolean> {
  const rows = await executor
    .update(cases)
    .set({ status, updatedAt: now, resolvedAt: status === "resolved" ? now : null })
    .where(and(eq(cases.id, caseId), ne(cases.status, status)))
    .returning({ id: cases.id });
  return rows.length > 0;
}

/** Marks a case as touched (a note, a reply); an open case becomes in progress. */
export async function touchCase(executor: Executor, caseId: string, now: Date): Promise<void> {
  await executor
    .update(cases)
    .set({ updatedAt: now, status: sql`case when ${cases.status} = 'open' then 'in_progress'::case_status else ${cases.status} end` })
    .where(eq(cases.id, caseId));
}
