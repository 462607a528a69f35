import type { Executor } from "@/db/client";
import { findAccountContact } from "@/db/queries/accounts";
import { recordAudit, type AuditAction } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";

export interface StaffActor {
  userId: string;
  firstName: string;
  lastName: string;
}

/**
 * The representative behind a console action, read from the database (not the session's claim):
 * an active staff account, or null. Every use case under lib/staff checks it, so a console
 * action is refused to anyone else even if a route forgot requireStaff.
 */
export async function findStaffActor(executor: Executor, userId: string): Promise<StaffActor | null> {
  const account = await findAccountContact(executor, { id: userId });
  if (!account || account.accountType !== "staff" || account.status !== "active") return null;
  return { userId: account.id, firstName: account.firstName, lastName: account.lastName };
}

/** Records a console action refused to someone who is not a representative. */
export async function recordRefusedConsoleAction(executor: Executor, context: RequestContext | null, action: AuditAction, userId: string, caseNumber: number): Promise<void> {
  await recordAudit(executor, context, { action, outcome: "denied", actorUserId: userId, reason: "not_staff", details: { caseNumber } });
}

/** "Riley R.": how a representative signs what the public receives. */
export function representativeSignature(actor: StaffActor): string {
  return `${actor.firstName} ${actor.lastName.trim().charAt(0).toUpperCase()}.`;
}
