import type { Executor } from "@/db/client";
import { findLiveMembership, listActiveDelegates } from "@/db/queries/organizations";

export type MemberChangeRefusal = "not_found" | "last_delegate" | "invalid_access" | "self";

/** Thrown inside a transaction to roll it back and answer with a reason. */
export class MemberChangeRefused extends Error {
  constructor(readonly code: MemberChangeRefusal) {
    super(code);
  }
}

/**
 * Re-checks, after the organization's row is locked, that the actor is still its delegate
 * and the target still a member: a concurrent change (another delegate removing this one)
 * is seen here, not missed by a check made before the transaction.
 */
export async function lockedMembers(tx: Executor, organizationId: string, actorUserId: string, targetUserId: string) {
  const actor = await findLiveMembership(tx, organizationId, actorUserId);
  if (actor?.role !== "delegate") throw new MemberChangeRefused("not_found");
  const target = await findLiveMembership(tx, organizationId, targetUserId);
  if (!target) throw new MemberChangeRefused("not_found");
  return { actor, target };
}

/** A Tax ID always keeps an active delegate: checked after the change, under the lock. */
export async function assertDelegateRemains(tx: Executor, organizationId: string, now: Date): Promise<void> {
  if ((await listActiveDelegates(tx, organizationId, now)).length === 0) throw new MemberChangeRefused("last_delegate");
}

export async function refusedOr<T>(work: () => Promise<T>): Promise<T | { ok: false; code: MemberChangeRefusal }> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof MemberChangeRefused) return { ok: false, code: error.code };
    throw error;
  }
}
