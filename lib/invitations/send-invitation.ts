import { db } from "@/db/client";
import { cancelOpenInvitationsFor, findInvitationById, insertInvitation, replaceInvitationToken, cancelInvitation as cancelInvitationRow } from "@/db/queries/invitations";
import { isMemberByEmail } from "@/db/queries/organizations";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { firstBlocked, recordFailure } from "@/lib/rate-limit";
import type { InvitedAccess } from "@/db/schema";
import { delegateScope, resolveAccessChoices, type AccessChoice, type DelegateScope, type ManagedOrganization } from "@/lib/users/delegate-organizations";
import { enqueueInvitationEmail, newInvitationToken } from "./invitation-email";

export interface InvitationInput {
  firstName: string;
  lastName: string;
  email: string;
  role: "delegate" | "user";
  access: AccessChoice[];
  /** For a billing organization: the one they join (needed only when the delegate manages several). */
  organizationId?: string;
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

type Plan = { ok: true; listedUnder: ManagedOrganization; access: InvitedAccess[] } | { ok: false; errors: string[] };

/**
 * Which organization the person joins and what they get, from the delegate's choices. A
 * provider delegate gives one or more of their Tax IDs (each its own organization). A billing
 * delegate adds the person to their billing organization with zero or more of its approved
 * provider Tax IDs; the choices must all belong to that one organization.
 */
export function planInvitation(input: Pick<InvitationInput, "access" | "organizationId">, scope: DelegateScope): Plan {
  const resolved = resolveAccessChoices(input.access, scope.units);
  if (!resolved.ok) return { ok: false, errors: resolved.errors };
  const billing = scope.organizations.filter((organization) => organization.kind === "billing");
  const chosenBilling = input.organizationId ? billing.find((organization) => organization.organizationId === input.organizationId) : billing.length === 1 ? billing[0] : undefined;
  if (input.organizationId && !chosenBilling) return { ok: false, errors: ["The organization chosen is not one you manage. Reload the page and choose again."] };
  const organizationIds = [...new Set(resolved.access.map((item) => item.organizationId))];
  const first = scope.organizations.find((organization) => organization.organizationId === organizationIds[0]);
  if (first?.kind === "billing" || (!first && chosenBilling)) {
    const listedUnder = first ?? chosenBilling!;
    if (organizationIds.length > 1 || (chosenBilling && chosenBilling.organizationId !== listedUnder.organizationId)) {
      return { ok: false, errors: ["Choose providers of one billing organization only. Reload the page and choose again."] };
    }
    return { ok: true, listedUnder, access: resolved.access };
  }
  if (!first) return { ok: false, errors: ["Choose at least one Tax ID this person may see."] };
  if (organizationIds.some((id) => scope.organizations.find((organization) => organization.organizationId === id)?.kind !== "provider")) {
    return { ok: false, errors: ["Choose Tax IDs of your provider organizations only. Reload the page and choose again."] };
  }
  return { ok: true, listedUnder: first, access: resolved.access };
}

/**
 * Invites a co-worker to some of the delegate's Tax IDs, or to their billing organization. In
 * one transaction: the invitation (its link's hash only), the email and the audit rows. The
 * same form sent twice (one submission id) makes one invitation. Whether the address has an
 * account is not looked at here, so the delegate's view can't reveal it.
 */
export async function sendInvitation(input: InvitationInput, inviter: Inviter, context: RequestContext, now = new Date()): Promise<SendInvitationResult> {
  const scope = await delegateScope(inviter.userId);
  const plan = planInvitation(input, scope);
  if (!plan.ok) return { ok: false, code: "invalid_access", errors: plan.errors };
  const { listedUnder, access } = plan;

  const blocked = await firstBlocked([["invitationsByUser", inviter.userId]]);
  if (blocked) {
    await recordAudit(db, context, { action: "invitation.sent", outcome: "rate_limited", actorUserId: inviter.userId, actorLabel: input.email });
    return { ok: false, code: "rate_limited", retryAfterSeconds: blocked.retryAfterSeconds };
  }

  for (const organizationId of new Set([listedUnder.organizationId, ...access.map((item) => item.organizationId)])) {
    if (await isMemberByEmail(db, organizationId, input.email)) {
      const name = scope.organizations.find((organization) => organization.organizationId === organizationId)?.name ?? "this organization";
      return { ok: false, code: "already_member", organizationName: name };
    }
  }

  const { token, tokenHash, expiresAt } = newInvitationToken(now);
  const created = await db.transaction(async (tx) => {
    const replaced = await cancelOpenInvitationsFor(tx, listedUnder.organizationId, input.email, now);
    const invitation = await insertInvitation(tx, {
      tokenHash,
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      role: input.role,
      organizationId: listedUnder.organizationId,
      access,
      invitedByUserId: inviter.userId,
      submissionId: input.submissionId,
      now,
      expiresAt,
    });
    // A double submit: the first one sent the email. Roll back the cancellations it would have repeated.
    if (!invitation) throw new DuplicateSubmission();
    await enqueueInvitationEmail(tx, { token, email: input.email, firstName: input.firstName, inviterName: `${inviter.firstName} ${inviter.lastName}`, role: input.role, listedUnder, access, units: scope.units });
    // One audit row per Tax ID given; a billing invitation with none is audited on the billing organization's own Tax ID.
    const audited = access.length > 0 ? access : [{ organizationId: listedUnder.organizationId, taxId: listedUnder.taxId, npis: [] as string[] | null }];
    for (const item of audited) {
      await recordAudit(tx, context, {
        action: "invitation.sent",
        outcome: "success",
        actorUserId: inviter.userId,
        actorLabel: input.email,
        taxId: item.taxId,
        details: { invitationId: invitation.id, role: input.role, npis: access.length === 0 ? "none" : item.npis ? item.npis.join(" ") : "all", replaced: replaced.length, organizationKind: listedUnder.kind },
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
  const scope = await delegateScope(delegateUserId);
  const listedUnder = scope.organizations.find((organization) => organization.organizationId === invitation.organizationId);
  return listedUnder ? { invitation, scope, listedUnder } : null;
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
  const { invitation, scope, listedUnder } = own;
  const { token, tokenHash, expiresAt } = newInvitationToken(now);
  const result = await db.transaction(async (tx) => {
    if (!(await replaceInvitationToken(tx, invitationId, { tokenHash, expiresAt }))) return { ok: false, code: "closed" } as const;
    await enqueueInvitationEmail(tx, { token, email: invitation.email, firstName: invitation.firstName, inviterName: `${inviter.firstName} ${inviter.lastName}`, role: invitation.role, listedUnder, access: invitation.access, units: scope.units });
    await recordAudit(tx, context, { action: "invitation.sent", outcome: "success", actorUserId: inviter.userId, actorLabel: invitation.email, details: { invitationId, resent: true } });
    return { ok: true, email: invitation.email } as const;
  });
  if (result.ok) await recordFailure([["invitationsByUser", inviter.userId]]);
  return result;
}
