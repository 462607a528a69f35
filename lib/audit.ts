import { z } from "zod";
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
  | "passkey.added"
  | "passkey.renamed"
  | "passkey.removed"
  | "password.reset_requested"
  | "password.reset"
  | "password.changed"
  | "account.contact_changed"
  | "email.change_requested"
  | "email.changed"
  | "mfa.totp_added"
  | "mfa.totp_removed"
  | "mfa.recovery_codes_created"
  | "mfa.recovery_code_used"
  | "mfa.code_refused"
  | "access_request.created"
  | "access_request.refused"
  | "access_request.approved"
  | "access_request.denied"
  | "access_request.expired"
  | "access_request.reminded"
  | "access_request.revoked"
  | "delegate.lookup"
  | "pin_letter.printed"
  | "pin_letter.mailed"
  | "records.searched"
  | "records.viewed"
  | "records.imported"
  | "case.assigned"
  | "case.note_added"
  | "case.replied"
  | "case.resolved"
  | "case.delegate_deactivated"
  | "case.access_granted"
  | "staff.account_created";

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

/** Longest stored text of each kind: the log must not grow by what a client chooses to send. */
export const AUDIT_LIMITS = { label: 254, reason: 200, detailKey: 64, detailValue: 300, detailEntries: 20, userAgent: 512, address: 64, requestId: 64 } as const;

/** The label of an actor who typed something that is not an email address (it may be a password typed in the wrong box). */
export const INVALID_EMAIL_LABEL = "invalid-email";

// C0 and C1 controls (tabs and newlines too: one log value is one line), bidirectional overrides
// and invisible format characters.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = z.email();

/**
 * A value as the log stores it: plain text on one line, without control or invisible
 * characters, angle brackets turned into look-alike quotes (‹ ›) so no viewer can take it for
 * markup, and cut to `max` characters (an ellipsis marks the cut).
 */
export function auditText(value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  const plain = String(value).normalize("NFC").replace(CONTROLS, " ").replace(/</g, "\u2039").replace(/>/g, "\u203a").replace(/ {2,}/g, " ").trim();
  if (!plain) return null;
  return plain.length > max ? `${plain.slice(0, max - 1)}\u2026` : plain;
}

/** The actor label: a typed email, normalized, only when it is a valid email address; otherwise "invalid-email". */
export function auditActorLabel(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const email = String(value).normalize("NFKC").trim().toLowerCase();
  if (!email) return null;
  return email.length <= AUDIT_LIMITS.label && EMAIL.safeParse(email).success ? email : INVALID_EMAIL_LABEL;
}

function auditDetails(details: AuditEntry["details"]): AuditEntry["details"] | null {
  if (!details) return null;
  const entries = Object.entries(details).slice(0, AUDIT_LIMITS.detailEntries);
  const clean: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of entries) {
    const name = auditText(key, AUDIT_LIMITS.detailKey);
    if (!name) continue;
    if (typeof value === "string") clean[name] = auditText(value, AUDIT_LIMITS.detailValue);
    else if (typeof value === "number") clean[name] = Number.isFinite(value) ? value : null;
    else if (typeof value === "boolean" || value === null) clean[name] = value;
    else clean[name] = null;
  }
  return clean;
}

function uuidOrNull(value: string | null | undefined): string | null {
  return value && UUID.test(value) ? value : null;
}

/**
 * Appends one event to the audit log. Pass the transaction of the change it describes so
 * that the two are saved together; never pass secret values (passwords, check numbers, tokens).
 * Every value is bounded and made plain text here (auditText), and the actor label is kept only
 * when it is a valid email (auditActorLabel), whatever the caller passes.
 */
export async function recordAudit(executor: Executor, context: RequestContext | null, entry: AuditEntry): Promise<void> {
  const taxId = /^\d{2}-?\d{7}$/.test(entry.taxId?.trim() ?? "") ? entry.taxId!.replace(/\D/g, "") : "";
  await insertAuditEvent(executor, {
    action: entry.action,
    outcome: entry.outcome,
    actorUserId: uuidOrNull(entry.actorUserId),
    actorLabel: auditActorLabel(entry.actorLabel),
    subjectUserId: uuidOrNull(entry.subjectUserId),
    taxId: taxId.length === 9 ? taxId : null,
    reason: auditText(entry.reason, AUDIT_LIMITS.reason),
    details: auditDetails(entry.details),
    clientAddress: auditText(context?.clientAddress, AUDIT_LIMITS.address),
    userAgent: auditText(context?.userAgent, AUDIT_LIMITS.userAgent),
    requestId: auditText(context?.requestId, AUDIT_LIMITS.requestId),
  });
}
