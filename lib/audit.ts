import type { Executor } from "@/db/client";
import { insertAuditEvent } from "@/db/queries/audit";
import type { RequestContext } from "./client-context";

export type AuditAction =
  | "registration.created"
  | "registration.refused"
  | "registration.duplicate_email"
  | "registration.released"
  | "registration.departed_delegate"
  | "verification.check"
  | "verification.notice"
  | "verification.pin"
  | "pin_letter.requested"
  | "pin_letter.voided"
  | "email.verified"
  | "email.verification_resent"
  | "signin"
  | "signin.second_step"
  | "signout"
  | "session.ended"
  | "access.granted"
  | "access.changed"
  | "access.revoked"
  | "membership.role_changed"
  | "membership.removed"
  | "account.deactivated"
  | "invitation.sent"
  | "invitation.accepted"
  | "invitation.cancelled"
  | "case.opened"
  | "mfa.totp_added"
  | "mfa.totp_removed"
  | "mfa.recovery_codes_created"
  | "mfa.recovery_code_used"
  | "mfa.code_refused";

export type AuditOutcome = "success" | "failure" | "denied" | "rate_limited";

export interface AuditEntry {
  action: AuditAction;
  outcome: AuditOutcome;
  actorUserId?: string | null;
  actorLabel?: string | null;
  subjectUserId?: string | null;
  taxId?: string | null;
  reason?: string | null;
  details?: Record<string, string | number | boolean | null>;
}

/**
 * Appends one event to the audit log. Pass the transaction of the change it describes so
 * that the two are saved together; never pass secret values (passwords, check numbers, tokens).
 */
export async function recordAudit(executor: Executor, context: RequestContext | null, entry: AuditEntry): Promise<void> {
  await insertAuditEvent(executor, {
    action: entry.action,
    outcome: entry.outcome,
    actorUserId: entry.actorUserId ?? null,
    actorLabel: entry.actorLabel ?? null,
    subjectUserId: entry.subjectUserId ?? null,
    taxId: entry.taxId ?? null,
    reason: entry.reason ?? null,
    details: entry.details ?? null,
    clientAddress: context?.clientAddress ?? null,
    userAgent: context?.userAgent ?? null,
    requestId: context?.requestId ?? null,
  });
}
