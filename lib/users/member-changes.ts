import { db, type Executor } from "@/db/client";
import { findOrganizationById, lockOrganization, setMemberRole } from "@/db/queries/organizations";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { delegateScope, resolveAccessChoices } from "./delegate-organizations";
import { assertDelegateRemains, lockedMembers, MemberChangeRefused, refusedOr, type MemberChangeRefusal } from "./guards";
import { removeGrant, setGrant } from "./set-grant";

export type MemberChangeResult = { ok: true; changed: boolean } | { ok: false; code: MemberChangeRefusal; errors?: string[] };

export interface MemberTarget {
  delegateUserId: string;
  organizationId: string;
  targetUserId: string;
}

/**
 * Gives a member exactly this access through one of the delegate's units (the old grant ends,
 * a new row is kept), or, for a billing organization's provider Tax ID, takes it away ("none").
 * The unit is looked up by its key among what the delegate may give now.
 */
export async function changeMemberAccess(target: { delegateUserId: string; key: string; targetUserId: string; npis: string[] | null | "none" }, context: RequestContext, now = new Date()): Promise<MemberChangeResult> {
  const { units } = await delegateScope(target.delegateUserId);
  const unit = units.find((candidate) => candidate.key === target.key);
  if (!unit) return { ok: false, code: "not_found" };
  if (target.npis === "none" && unit.kind === "provider") return { ok: false, code: "invalid_access", errors: ["Choose “All NPIs” or some NPIs. To remove someone, deactivate them."] };
  const resolved = target.npis === "none" ? null : resolveAccessChoices([{ key: unit.key, npis: target.npis }], units);
  if (resolved && !resolved.ok) return { ok: false, code: "invalid_access", errors: resolved.errors };
  const item = resolved?.access[0];
  return refusedOr(() =>
    db.transaction(async (tx) => {
      await lockOrganization(tx, unit.organizationId);
      const { target: member } = await lockedMembers(tx, unit.organizationId, target.delegateUserId, target.targetUserId);
      if (!item) return { ok: true, changed: await removeGrant(tx, { userId: target.targetUserId, taxId: unit.taxId, byUserId: target.delegateUserId, now }, context) } as const;
      const outcome = await setGrant(tx, { userId: target.targetUserId, taxId: item.taxId, npis: item.npis, byUserId: target.delegateUserId, role: member.role, now }, context);
      return { ok: true, changed: outcome !== "unchanged" } as const;
    }),
  );
}

/** Makes a member a delegate or a user; the last delegate can't be made a user. */
export async function changeMemberRole(target: MemberTarget & { role: "delegate" | "user" }, context: RequestContext, now = new Date()): Promise<MemberChangeResult> {
  return refusedOr(() =>
    db.transaction(async (tx) => {
      const taxId = await lockAndTaxId(tx, target.organizationId);
      const { target: member } = await lockedMembers(tx, target.organizationId, target.delegateUserId, target.targetUserId);
      if (member.role === target.role) return { ok: true, changed: false } as const;
      await setMemberRole(tx, member.id, target.role);
      await assertDelegateRemains(tx, target.organizationId, now);
      await recordAudit(tx, context, {
        action: "membership.role_changed",
        outcome: "success",
        actorUserId: target.delegateUserId,
        subjectUserId: target.targetUserId,
        taxId,
        details: { from: member.role, to: target.role },
      });
      return { ok: true, changed: true } as const;
    }),
  );
}

/**
 * Hands the delegate role on in one step: the member becomes a delegate and the delegate a user.
 * The target must be able to act as delegate (an active, confirmed account), or nothing changes.
 */
export async function handOverDelegateRole(target: MemberTarget, context: RequestContext, now = new Date()): Promise<MemberChangeResult> {
  if (target.targetUserId === target.delegateUserId) return { ok: false, code: "self" };
  return refusedOr(() =>
    db.transaction(async (tx) => {
      const taxId = await lockAndTaxId(tx, target.organizationId);
      const { actor, target: member } = await lockedMembers(tx, target.organizationId, target.delegateUserId, target.targetUserId);
      if (member.role !== "delegate") await setMemberRole(tx, member.id, "delegate");
      await setMemberRole(tx, actor.id, "user");
      await assertDelegateRemains(tx, target.organizationId, now);
      const details = { handOver: true };
      if (member.role !== "delegate") {
        await recordAudit(tx, context, { action: "membership.role_changed", outcome: "success", actorUserId: target.delegateUserId, subjectUserId: target.targetUserId, taxId, details: { from: member.role, to: "delegate", ...details } });
      }
      await recordAudit(tx, context, { action: "membership.role_changed", outcome: "success", actorUserId: target.delegateUserId, subjectUserId: target.delegateUserId, taxId, details: { from: "delegate", to: "user", ...details } });
      return { ok: true, changed: true } as const;
    }),
  );
}

/** Takes the organization's lock first: delegate changes to one organization happen one at a time. */
async function lockAndTaxId(tx: Executor, organizationId: string): Promise<string> {
  await lockOrganization(tx, organizationId);
  const organization = await findOrganizationById(tx, organizationId);
  if (!organization) throw new MemberChangeRefused("not_found");
  return organization.taxId;
}
