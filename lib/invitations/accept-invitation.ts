import { db, type Executor } from "@/db/client";
import { findAccountContact, insertAccount, reactivateAccount } from "@/db/queries/accounts";
import { findInvitationByTokenHash, markInvitationAccepted, type InvitationRow } from "@/db/queries/invitations";
import { findLiveMembership, findOrganizationById, insertMembership, lockOrganization, setMemberRole } from "@/db/queries/organizations";
import { listLiveGrants } from "@/db/queries/access";
import { recordAudit } from "@/lib/audit";
import { hashToken } from "@/lib/auth/email-verification";
import { hashPassword } from "@/lib/auth/password";
import { checkPasswordStrength } from "@/lib/validation/password-strength";
import type { RequestContext } from "@/lib/client-context";
import { delegateScope, unitFor, withinUnit } from "@/lib/users/delegate-organizations";
import { mergedNpis, setGrant } from "@/lib/users/set-grant";

export type ClosedReason = "invalid" | "expired" | "used" | "cancelled";
export type AcceptRefusal = ClosedReason | "account_exists" | "inviter_not_delegate" | "wrong_account" | "not_provider" | "not_billing";
export type AcceptResult = { ok: true; email: string } | { ok: false; code: AcceptRefusal } | { ok: false; code: "weak_password"; message: string };

/** Whether the link's invitation can still be used, and if not, why. */
export function closedReason(invitation: Pick<InvitationRow, "acceptedAt" | "cancelledAt" | "expiresAt">, now: Date): ClosedReason | null {
  if (invitation.acceptedAt) return "used";
  if (invitation.cancelledAt) return "cancelled";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return null;
}

/** The invitation behind a link, if the token is well formed and known. */
export async function findInvitationByToken(token: string, executor: Executor = db): Promise<InvitationRow | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return findInvitationByTokenHash(executor, hashToken(token));
}

class Refused extends Error {
  constructor(readonly code: AcceptRefusal) {
    super(code);
  }
}

/**
 * Uses the invitation for this person, inside the caller's transaction: marks it accepted
 * (once, whoever races), then the memberships (the organization it is listed under, and for a
 * provider's invitation each Tax ID's organization) and the grants (method "delegate", granted
 * by the inviter). Access is given only within what the inviter may give now: a billing
 * organization's approvals may have changed since the invitation was sent. Throws Refused to
 * roll everything back.
 */
async function applyInvitation(tx: Executor, invitation: InvitationRow, userId: string, context: RequestContext, now: Date): Promise<void> {
  if (!(await markInvitationAccepted(tx, invitation.id, { userId, now }))) throw new Refused(closedReason(invitation, now) ?? "used");
  const inviterId = invitation.invitedByUserId;
  const organizationIds = [...new Set([invitation.organizationId, ...invitation.access.map((item) => item.organizationId)])].sort();
  const roles = new Map<string, "delegate" | "user">();
  for (const organizationId of organizationIds) {
    await lockOrganization(tx, organizationId);
    // The inviter may have lost the delegate role since sending: access is given only by a delegate.
    if ((await findLiveMembership(tx, organizationId, inviterId))?.role !== "delegate") throw new Refused("inviter_not_delegate");
    roles.set(organizationId, await joinOrganization(tx, invitation, organizationId, userId, context, now));
  }
  const { units } = await delegateScope(inviterId, tx);
  for (const item of invitation.access) {
    const unit = unitFor(units, item);
    const allowed = unit ? withinUnit(item.npis, unit) : null;
    if (allowed) {
      const [live] = await listLiveGrants(tx, [userId], [item.taxId]);
      await setGrant(tx, { userId, taxId: item.taxId, npis: mergedNpis(live, allowed.npis), byUserId: inviterId, role: roles.get(item.organizationId) ?? invitation.role, now }, context);
    }
    const narrowed = !allowed || JSON.stringify(allowed.npis) !== JSON.stringify(item.npis);
    await recordAudit(tx, context, { action: "invitation.accepted", outcome: "success", actorUserId: userId, subjectUserId: userId, taxId: item.taxId, details: { invitationId: invitation.id, invitedBy: inviterId, ...(narrowed ? { narrowedTo: allowed ? (allowed.npis ?? ["all"]).join(" ") : "none" } : {}) } });
  }
  if (invitation.access.length === 0) {
    const organization = await findOrganizationById(tx, invitation.organizationId);
    await recordAudit(tx, context, { action: "invitation.accepted", outcome: "success", actorUserId: userId, subjectUserId: userId, taxId: organization?.taxId ?? null, details: { invitationId: invitation.id, invitedBy: inviterId, npis: "none" } });
  }
}

/** Makes the person a member with the invitation's role (a user invited as delegate is promoted; a delegate stays one); returns their role. */
async function joinOrganization(tx: Executor, invitation: InvitationRow, organizationId: string, userId: string, context: RequestContext, now: Date): Promise<"delegate" | "user"> {
  const existing = await findLiveMembership(tx, organizationId, userId);
  if (!existing) {
    await insertMembership(tx, { organizationId, userId, role: invitation.role, addedByUserId: invitation.invitedByUserId, now });
    return invitation.role;
  }
  if (existing.role === "user" && invitation.role === "delegate") {
    await setMemberRole(tx, existing.id, "delegate");
    const organization = await findOrganizationById(tx, organizationId);
    await recordAudit(tx, context, { action: "membership.role_changed", outcome: "success", actorUserId: invitation.invitedByUserId, subjectUserId: userId, taxId: organization?.taxId ?? null, details: { from: "user", to: "delegate", invitationId: invitation.id } });
    return "delegate";
  }
  return existing.role;
}

/** The kind of account an invitation is for: that of the organization it is listed under. */
async function invitationKind(executor: Executor, invitation: InvitationRow): Promise<"provider" | "billing"> {
  return (await findOrganizationById(executor, invitation.organizationId))?.kind ?? "provider";
}

async function refusedOr<T>(work: () => Promise<T>): Promise<T | { ok: false; code: AcceptRefusal }> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, code: error.code };
    throw error;
  }
}

export interface NewInvitee {
  firstName: string;
  lastName: string;
  phone: string;
  password: string;
}

/**
 * Accepts an invitation for an address with no account: creates it (email confirmed: the link
 * proved the address), its memberships and grants in one transaction. A deactivated account of
 * that address is brought back with the new password instead.
 */
export async function acceptAsNewAccount(token: string, person: NewInvitee, context: RequestContext, now = new Date()): Promise<AcceptResult> {
  const invitation = await findInvitationByToken(token);
  if (!invitation) return { ok: false, code: "invalid" };
  const closed = closedReason(invitation, now);
  if (closed) return { ok: false, code: closed };
  // The form judged the password against the person's name; only here is the invited email known.
  const strength = checkPasswordStrength(person.password, { firstName: person.firstName, lastName: person.lastName, email: invitation.email });
  if (!strength.ok) return { ok: false, code: "weak_password", message: strength.message };
  const passwordHash = await hashPassword(person.password);
  return refusedOr(() =>
    db.transaction(async (tx) => {
      const existing = await findAccountContact(tx, { email: invitation.email });
      const accountType = await invitationKind(tx, invitation);
      let userId: string;
      if (existing) {
        if (existing.status !== "deactivated" || existing.accountType !== accountType) throw new Refused("account_exists");
        await reactivateAccount(tx, existing.id, { ...person, passwordHash, now });
        userId = existing.id;
      } else {
        const created = await insertAccount(tx, { email: invitation.email, firstName: person.firstName, lastName: person.lastName, phone: person.phone, passwordHash, accountType, emailVerifiedAt: now, now });
        if (!created) throw new Refused("account_exists");
        userId = created.id;
      }
      await recordAudit(tx, context, { action: "registration.created", outcome: "success", actorUserId: userId, subjectUserId: userId, details: { method: "invitation", invitationId: invitation.id, reactivated: Boolean(existing) } });
      await applyInvitation(tx, invitation, userId, context, now);
      return { ok: true, email: invitation.email } as const;
    }),
  );
}

/** Accepts an invitation for the signed-in person, whose account must be the invited address. */
export async function acceptAsSignedIn(token: string, user: { userId: string; email: string; accountType: string }, context: RequestContext, now = new Date()): Promise<Exclude<AcceptResult, { code: "weak_password" }>> {
  const invitation = await findInvitationByToken(token);
  if (!invitation) return { ok: false, code: "invalid" };
  if (invitation.email !== user.email) return { ok: false, code: "wrong_account" };
  const kind = await invitationKind(db, invitation);
  if (user.accountType !== kind) return { ok: false, code: kind === "billing" ? "not_billing" : "not_provider" };
  const closed = closedReason(invitation, now);
  if (closed) return { ok: false, code: closed };
  return refusedOr(() =>
    db.transaction(async (tx) => {
      await applyInvitation(tx, invitation, user.userId, context, now);
      return { ok: true, email: invitation.email } as const;
    }),
  );
}
