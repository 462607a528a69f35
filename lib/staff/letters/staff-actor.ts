import "server-only";
import { db, type Executor } from "@/db/client";
import { findStaffActor } from "@/lib/staff/cases/staff-actor";
import { recordAudit, type AuditAction } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";

/**
 * Whether the person acting is an active representative. Pages and actions call requireStaff
 * first; the console's use cases check again, so that no caller can reach them with anyone else.
 */
export async function isActiveStaff(executor: Executor, userId: string): Promise<boolean> {
  return (await findStaffActor(executor, userId)) !== null;
}

/** Checks the actor; a refusal is audited (someone outside the console reached a console action). */
export async function refuseUnlessStaff(actorUserId: string, action: AuditAction, context: RequestContext | null): Promise<boolean> {
  if (await isActiveStaff(db, actorUserId)) return false;
  await recordAudit(db, context, { action, outcome: "denied", actorUserId, reason: "not_staff" });
  return true;
}
