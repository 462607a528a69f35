import { db, type Executor } from "@/db/client";
import { addCaseEvent, assignCase, findCaseByNumber, lockCase, setCaseStatus, touchCase, type CaseRecord } from "@/db/queries/cases";
import { recordAudit, type AuditAction } from "@/lib/audit";
import { formatCaseNumber } from "@/lib/cases/open-case";
import type { RequestContext } from "@/lib/client-context";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { findStaffActor, recordRefusedConsoleAction, representativeSignature, type StaffActor } from "./staff-actor";

export type CaseActionRefusal = "not_staff" | "not_found" | "resolved" | "wrong_type" | "no_account" | "not_in_records" | "not_a_delegate" | "registrant_not_delegate" | "already_has_access";
export type CaseActionResult = { ok: true; changed: boolean } | { ok: false; code: CaseActionRefusal };

/** Thrown inside a case's transaction to roll it back and answer with a reason. */
export class CaseActionRefused extends Error {
  constructor(readonly code: CaseActionRefusal) {
    super(code);
  }
}

export interface CaseWork {
  tx: Executor;
  record: CaseRecord;
  actor: StaffActor;
  now: Date;
}

/**
 * The frame of every console action on a case: the actor must be an active representative
 * (else the refusal is audited and nothing happens), the case must exist, and the work runs in
 * one transaction with the case's row locked, so two representatives act one after the other.
 */
export async function workOnCase(
  values: { staffUserId: string; caseNumber: number; action: AuditAction; allowResolved?: boolean },
  context: RequestContext | null,
  work: (step: CaseWork) => Promise<{ changed: boolean }>,
  now = new Date(),
): Promise<CaseActionResult> {
  const actor = await findStaffActor(db, values.staffUserId);
  if (!actor) {
    await recordRefusedConsoleAction(db, context, values.action, values.staffUserId, values.caseNumber);
    return { ok: false, code: "not_staff" };
  }
  const record = await findCaseByNumber(db, values.caseNumber);
  if (!record) return { ok: false, code: "not_found" };
  try {
    return await db.transaction(async (tx) => {
      const locked = await lockCase(tx, record.id);
      if (!locked) throw new CaseActionRefused("not_found");
      if (locked.status === "resolved" && !values.allowResolved) throw new CaseActionRefused("resolved");
      const { changed } = await work({ tx, record: { ...record, status: locked.status, assignedToUserId: locked.assignedToUserId }, actor, now });
      return { ok: true, changed } as const;
    });
  } catch (error) {
    if (error instanceof CaseActionRefused) return { ok: false, code: error.code };
    throw error;
  }
}

/** The audit row of a console action, with the representative as actor. */
export function auditCaseAction(step: CaseWork, context: RequestContext | null, action: AuditAction, extra: { subjectUserId?: string | null; reason?: string | null; details?: Record<string, string | number | boolean | null> } = {}) {
  return recordAudit(step.tx, context, {
    action,
    outcome: "success",
    actorUserId: step.actor.userId,
    subjectUserId: extra.subjectUserId ?? null,
    taxId: step.record.taxId,
    reason: extra.reason ?? null,
    details: { caseNumber: step.record.number, ...extra.details },
  });
}

export const NOTE_MAX = 4000;

/** A note in the case's history, for representatives only. Allowed on a resolved case too. */
export function addCaseNote(values: { staffUserId: string; caseNumber: number; body: string }, context: RequestContext | null, now = new Date()) {
  return workOnCase({ ...values, action: "case.note_added", allowResolved: true }, context, async (step) => {
    await addCaseEvent(step.tx, { caseId: step.record.id, kind: "note", actorUserId: step.actor.userId, body: values.body, now: step.now });
    await touchCase(step.tx, step.record.id, step.now);
    await auditCaseAction(step, context, "case.note_added");
    return { changed: true };
  }, now);
}

/** Assigns the case to the representative doing it (an open case becomes in progress). */
export function assignCaseToSelf(values: { staffUserId: string; caseNumber: number }, context: RequestContext | null, now = new Date()) {
  return workOnCase({ ...values, action: "case.assigned" }, context, async (step) => {
    if (step.record.assignedToUserId === step.actor.userId) return { changed: false };
    await assignCase(step.tx, step.record.id, step.actor.userId, step.now);
    await addCaseEvent(step.tx, { caseId: step.record.id, kind: "assigned", actorUserId: step.actor.userId, body: `Assigned to ${step.actor.firstName} ${step.actor.lastName}.`, now: step.now });
    await auditCaseAction(step, context, "case.assigned", { details: { previousAssignee: step.record.assignedToUserId ? "someone else" : "nobody" } });
    return { changed: true };
  }, now);
}

/**
 * Emails the person who opened the case (the address they gave) the representative's message,
 * with the case number and how to answer; the message is recorded in the case's history.
 */
export function replyToRequester(values: { staffUserId: string; caseNumber: number; message: string }, context: RequestContext | null, now = new Date()) {
  return workOnCase({ ...values, action: "case.replied", allowResolved: true }, context, async (step) => {
    const config = env();
    const firstName = step.record.contactName.trim().split(/\s+/)[0] ?? step.record.contactName;
    await enqueueEmail(step.tx, {
      template: "case-reply",
      to: step.record.contactEmail,
      props: {
        payerName: config.PAYER_NAME,
        name: firstName,
        caseNumber: formatCaseNumber(step.record.number),
        representativeName: representativeSignature(step.actor),
        message: values.message,
        contactUrl: `${config.APP_URL}/help`,
      },
    });
    await addCaseEvent(step.tx, { caseId: step.record.id, kind: "email_sent", actorUserId: step.actor.userId, body: `Reply emailed to ${step.record.contactEmail}:\n${values.message}`, now: step.now });
    await touchCase(step.tx, step.record.id, step.now);
    await auditCaseAction(step, context, "case.replied", { subjectUserId: step.record.requesterUserId });
    return { changed: true };
  }, now);
}

/** Resolves the case, with an optional closing note in its history. */
export function resolveCase(values: { staffUserId: string; caseNumber: number; note: string | null }, context: RequestContext | null, now = new Date()) {
  return workOnCase({ ...values, action: "case.resolved" }, context, async (step) => {
    await setCaseStatus(step.tx, step.record.id, "resolved", step.now);
    const body = values.note ? `Resolved: ${values.note}` : "Resolved.";
    await addCaseEvent(step.tx, { caseId: step.record.id, kind: "status_changed", actorUserId: step.actor.userId, body, now: step.now });
    await auditCaseAction(step, context, "case.resolved", { details: { withNote: Boolean(values.note) } });
    return { changed: true };
  }, now);
}
