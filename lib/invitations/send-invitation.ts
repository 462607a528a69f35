import { db } from "@/db/client";
import { cancelOpenInvitationsFor, findInvitationById, insertInvitation, replaceInvitationToken, cancelInvitation as cancelInvitationRow } from "@/db/queries/invitations";
import { isMemberByEmail } from "@/db/queries/organizations";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { firstBlocked, recordFailure } from "@/lib/rate-limit";
import { delegateOrganizations, resolveAccessChoices, type AccessChoice } from "@/lib/users/delegate-organizations";
import { enqueueInvitationEmail, newInvitationToken } from "./invitation-email";

export interface InvitationInput {
  firstName: string;
  lastName: string;
  email: string;
  role: "delegate" | "user";
  access: AccessChoice[];
  submissionId: string;
}

export interface Inviter {
  userId: string;
  firstName: string;
  lastName: string;
}

export type SendInvitationResult =
  | { ok: true }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number }
  | { ok: false; code: "invalid_access"; errors: string[] }
  | { ok: false; code: "already_member"; organizationName: string };

/**
 * Invites a co-worker to some of the delegate's Tax IDs. In one transaction: the invitation
 * (its link's hash only), the email and the audit row. The same form sent twice (one
 * submission id) makes one invitation. Whether the address has an account is not looked at
 * here, so the delegate's view can't reveal it.
 */
export async function sendInvitation(input: InvitationInput, inviter: Inviter, context: RequestContext, now = new Date()): Promise<SendInvitationResult> {
  const organizations = await delegateOrganizations(inviter.userId);
  const resolved = resolveAccessChoices(input.access, organizations);
  if (!resolved.ok) return { ok: false, code: "invalid_access", errors: resolved.errors };

  const blocked = await firstBlocked([["invitationsByUser", inviter.userId]]);
  if (blocked) {
    await recordAudit(db, context, { action: "invitation.sent", outcome: "rate_limited", actorUserId: inviter.userId, actorLabel: input.email });
    return { ok: false, code: "rate_limited", retryAfterSeconds: blocked.retryAfterSeconds };
  }

  for (const item of resolved.access) {
    if (await isMemberByEmail(db, item.organizationId, input.email)) {
      const name = organizations.find((organization) => organization.organizationId === item.organizationId)?.name ?? "this organization";
      return { ok: false, code: "already_member", organizationName: name };
    }
  }

  const listedUnder = resolved.access[0]!.organizationId;
  const { token, tokenHash, expiresAt } = newInvitationToken(now);
  const created = await db.transaction(async (tx) => {
    const replaced = await cancelOpenInvitationsFor(tx, listedUnder, input.email, now);
    const invitation = await insertInvitation(tx, {
      tokenHash,
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      role: input.role,
      organizationId: listedUnder,
      access: resolved.access,
      invitedByUserId: inviter.userId,
      submissionId: input.submissionId,
      now,
      expiresAt,
    });
    // A double submit: the first one sent the email. Roll back the cancellations it would have repeated.
    if (!invitation) throw new DuplicateSubmission();
    await enqueueInvitationEmail(tx, { token, email: input.email, firstName: input.firstName, inviterName: `${inviter.firstName} ${inviter.lastName}`, role: input.role, access: resolved.access, organizations });
    for (const item of resolved.access) {
      await recordAudit(tx, context, {
        action: "invitation.sent",
        outcome: "success",
        actorUserId: inviter.userId,
        actorLabel: input.email,
        taxId: item.taxId,
        details: { invitationId: invitation.id, role: input.role, npis: item.npis ? item.npis.join(" ") : "all", replaced: replaced.length },
      });
    }
    return true;
  }).catch((error: unknown) => {
    if (error instanceof DuplicateSubmission) return false;
    throw error;
  });
  if (created) await recordFailure([["invitationsByUser", inviter.userId]]);
  return { ok: true };
}

class DuplicateSubmission extends Error {
  constructor() {
    super("duplicate submission");
  }
}

export type ManageInvitationResult = { ok: true; email: string } | { ok: false; code: "not_found" | "closed" } | { ok: false; code: "rate_limited"; retryAfterSeconds: number };

/** An invitation the delegate may manage: listed under one of their organizations. */
async function ownInvitation(invitationId: string, delegateUserId: string) {
  const invitation = await findInvitationById(db, invitationId);
  if (!invitation) return null;
  const organizations = await delegateOrganizations(delegateUserId);
  return organizations.some((organization) => organization.organizationId === invitation.organizationId) ? { invitation, organizations } : null;
}

/** Stops an invitation's link from working. */
export async function cancelInvitation(invitationId: string, delegateUserId: string, context: RequestContext, now = new Date()): Promise<ManageInvitationResult> {
  const own = await ownInvitation(invitationId, delegateUserId);
  if (!own) return { ok: false, code: "not_found" };
  return db.transaction(async (tx) => {
    if (!(await cancelInvitationRow(tx, invitationId, now))) return { ok: false, code: "closed" } as const;
    await recordAudit(tx, context, { action: "invitation.cancelled", outcome: "success", actorUserId: delegateUserId, actorLabel: own.invitation.email, details: { invitationId } });
    return { ok: true, email: own.invitation.email } as const;
  });
}

/** Sends the invitation again with a new link, valid 7 days from now; the old link stops working. */
export async function resendInvitation(invitationId: string, inviter: Inviter, context: RequestContext, now = new Date()): Promise<ManageInvitationResult> {
  const own = await ownInvitation(invitationId, inviter.userId);
  if (!own) return { ok: false, code: "not_found" };
  const blocked = await firstBlocked([["invitationsByUser", inviter.userId]]);
  if (blocked) return { ok: false, code: "rate_limited", retryAfterSeconds: blocked.retryAfterSeconds };
  const { invitation, organizations } = own;
  const { token, tokenHash, expiresAt } = newInvitationToken(now);
  const result = await db.transaction(async (tx) => {
    if (!(await replaceInvitationToken(tx, invitationId, { tokenHash, expiresAt }))) return { ok: false, code: "closed" } as const;
    await enqueueInvitationEmail(tx, { token, email: invitation.email, firstName: invitation.firstName, inviterName: `${inviter.firstName} ${inviter.lastName}`, role: invitation.role, access: invitation.access, organizations });
    await recordAudit(tx, context, { action: "invitation.sent", outcome: "success", actorUserId: inviter.userId, actorLabel: invitation.email, details: { invitationId, resent: true } });
    return { ok: true, email: invitation.email } as const;
  });
  if (result.ok) await recordFailure([["invitationsByUser", inviter.userId]]);
  return result;
}
