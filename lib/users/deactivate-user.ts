import { db } from "@/db/client";
import { endLiveGrantsForTaxIds } from "@/db/queries/access";
import { setAccountStatus } from "@/db/queries/accounts";
import { listMembershipsForUser, lockOrganization, removeMembership } from "@/db/queries/organizations";
import { recordAudit } from "@/lib/audit";
import { endAllSessions } from "@/lib/auth/sessions";
import type { RequestContext } from "@/lib/client-context";
import { delegateScope } from "./delegate-organizations";
import { assertDelegateRemains, lockedMembers, MemberChangeRefused, refusedOr, type MemberChangeRefusal } from "./guards";

export type DeactivateResult = { ok: true; accountDeactivated: boolean } | { ok: false; code: MemberChangeRefusal };

/**
 * Removes a person from every organization the delegate manages and they belong to: the
 * memberships and live grants end, their sessions end at once, and if they belong to no
 * organization any more their account is deactivated. Organizations are locked (in a fixed
 * order, so two of these can't deadlock) before anything is counted, so two delegates
 * deactivating each other at once leave exactly one.
 */
export async function deactivateUser(values: { delegateUserId: string; targetUserId: string }, context: RequestContext, now = new Date()): Promise<DeactivateResult> {
  const { delegateUserId, targetUserId } = values;
  if (delegateUserId === targetUserId) return { ok: false, code: "self" };
  const [mine, theirs] = await Promise.all([listMembershipsForUser(db, delegateUserId), listMembershipsForUser(db, targetUserId)]);
  const shared = theirs
    .filter((membership) => mine.some((own) => own.role === "delegate" && own.organizationId === membership.organizationId))
    .sort((a, b) => a.organizationId.localeCompare(b.organizationId));
  if (shared.length === 0) return { ok: false, code: "not_found" };

  return refusedOr(() =>
    db.transaction(async (tx) => {
      for (const membership of shared) await lockOrganization(tx, membership.organizationId);
      for (const membership of shared) {
        const { target } = await lockedMembers(tx, membership.organizationId, delegateUserId, targetUserId);
        if (!(await removeMembership(tx, target.id, { byUserId: delegateUserId, reason: "deactivated", now }))) throw new MemberChangeRefused("not_found");
        await assertDelegateRemains(tx, membership.organizationId, now);
        await recordAudit(tx, context, { action: "membership.removed", outcome: "success", actorUserId: delegateUserId, subjectUserId: targetUserId, taxId: membership.taxId, reason: "deactivated", details: { role: target.role } });
      }
      // The Tax IDs the shared organizations give access to: a provider's own, a billing organization's approved providers'.
      const { units } = await delegateScope(delegateUserId, tx);
      const taxIds = units.filter((unit) => shared.some((membership) => membership.organizationId === unit.organizationId)).map((unit) => unit.taxId);
      const ended = await endLiveGrantsForTaxIds(tx, targetUserId, [...new Set(taxIds)], { status: "revoked", now, byUserId: delegateUserId, reason: "deactivated" });
      for (const taxId of ended) {
        await recordAudit(tx, context, { action: "access.revoked", outcome: "success", actorUserId: delegateUserId, subjectUserId: targetUserId, taxId, reason: "deactivated" });
      }
      const remaining = await listMembershipsForUser(tx, targetUserId);
      const accountDeactivated = remaining.length === 0;
      if (accountDeactivated) {
        await setAccountStatus(tx, targetUserId, "deactivated", now);
        await recordAudit(tx, context, { action: "account.deactivated", outcome: "success", actorUserId: delegateUserId, subjectUserId: targetUserId, reason: "removed_by_delegate" });
      }
      // Whatever remains, the person's open sessions end now: their next request signs them out.
      await endAllSessions(tx, targetUserId, "deactivated", context, now);
      return { ok: true, accountDeactivated } as const;
    }),
  );
}
