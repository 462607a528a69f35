import { db, type Database } from "@/db/client";
import { claimDueReminders, expireOverdueRequests, findAccessRequest, REMINDER_DAYS_BEFORE_EXPIRY, type ReminderRound } from "@/db/queries/access-requests";
import { recordAudit } from "@/lib/audit";
import { queueApprovalEmail } from "./approval-email";

export interface AccessRequestPassReport {
  expired: number;
  reminders: Record<ReminderRound, number>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One pass of the access requests' schedule, from stored timestamps and the given clock:
 * requests past their 30 days become expired, and the contact of a pending request is reminded
 * 7 days and again 3 days before it expires. Each reminder is claimed and queued in one
 * transaction, so however many runners run at once, each goes out exactly once (and none is
 * lost if the pass fails half-way: the claim rolls back with the email).
 */
export async function runAccessRequestPass(now = new Date(), database: Pick<Database, "transaction"> = db): Promise<AccessRequestPassReport> {
  const expired = await database.transaction(async (tx) => {
    const rows = await expireOverdueRequests(tx, now);
    for (const row of rows) {
      await recordAudit(tx, null, { action: "access_request.expired", outcome: "success", subjectUserId: row.requesterUserId, taxId: row.providerTaxId, details: { requestId: row.id } });
    }
    return rows.length;
  });
  const reminders: Record<ReminderRound, number> = { first: 0, second: 0 };
  // The later round first: a request already within 3 days gets only the second reminder.
  for (const round of ["second", "first"] as const) {
    reminders[round] = await database.transaction(async (tx) => {
      const ids = await claimDueReminders(tx, round, now);
      for (const id of ids) {
        const request = await findAccessRequest(tx, id);
        if (!request) continue;
        const daysLeft = Math.max(1, Math.ceil((request.expiresAt.getTime() - now.getTime()) / DAY_MS));
        await queueApprovalEmail(tx, request, { reminderDaysLeft: Math.min(daysLeft, REMINDER_DAYS_BEFORE_EXPIRY[round]) });
        await recordAudit(tx, null, { action: "access_request.reminded", outcome: "success", subjectUserId: request.requesterUserId, taxId: request.providerTaxId, details: { requestId: id, round } });
      }
      return ids.length;
    });
  }
  return { expired, reminders };
}
