import type { AccountType } from "@/db/queries/accounts";
import { db } from "@/db/client";
import { countSecondFactors, deletePasskeyOfUser, listPasskeysOfUser, lockAccountFactors, renamePasskeyOfUser } from "@/db/queries/passkeys";
import { revokeRecoveryCodes } from "@/db/queries/mfa";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { queueSecurityNotice } from "@/lib/auth/security-notice";
import { factorTotal, hasFreshSecondFactor, secondFactorRequired } from "./policy";
import { PASSKEYS_PATH } from "./registration";

export interface PasskeyManager {
  sessionId: string;
  userId: string;
  email: string;
  firstName: string;
  accountType: AccountType;
  mfaVerifiedAt: Date | null;
}

export function listPasskeys(userId: string) {
  return listPasskeysOfUser(db, userId);
}

export function secondFactorsOf(userId: string) {
  return countSecondFactors(db, userId);
}

export type RenamePasskeyResult = { ok: true; changed: boolean } | { ok: false; code: "not_found" };

export async function renamePasskey(manager: PasskeyManager, passkeyId: string, name: string, context: RequestContext | null): Promise<RenamePasskeyResult> {
  return db.transaction(async (tx) => {
    const before = await renamePasskeyOfUser(tx, manager.userId, passkeyId, name);
    if (before === null) return { ok: false as const, code: "not_found" as const };
    if (before === name) return { ok: true as const, changed: false };
    await recordAudit(tx, context, { action: "passkey.renamed", outcome: "success", actorUserId: manager.userId, details: { passkeyId, name } });
    return { ok: true as const, changed: true };
  });
}

export type RemovePasskeyResult = { ok: true; name: string } | { ok: false; code: "not_fresh" | "last_factor" | "not_found" };

/**
 * Removes one of the person's passkeys. Needs a second step passed in the last 10 minutes, and
 * never removes an account's last factor while it must have one (counted under a lock on the
 * account, so two removals at once can't both pass). Audited; the person is emailed.
 */
export async function removePasskey(manager: PasskeyManager, passkeyId: string, context: RequestContext | null, now = new Date()): Promise<RemovePasskeyResult> {
  if (!hasFreshSecondFactor(manager.mfaVerifiedAt, now)) {
    await recordAudit(db, context, { action: "passkey.removed", outcome: "denied", actorUserId: manager.userId, reason: "second_factor_not_fresh", details: { passkeyId } });
    return { ok: false, code: "not_fresh" };
  }
  const result = await db.transaction(async (tx): Promise<RemovePasskeyResult> => {
    await lockAccountFactors(tx, manager.userId);
    const owned = (await listPasskeysOfUser(tx, manager.userId)).some((passkey) => passkey.id === passkeyId);
    if (!owned) return { ok: false, code: "not_found" };
    if (secondFactorRequired(manager.accountType) && factorTotal(await countSecondFactors(tx, manager.userId)) <= 1) return { ok: false, code: "last_factor" };
    const name = await deletePasskeyOfUser(tx, manager.userId, passkeyId);
    if (name === null) return { ok: false, code: "not_found" };
    await recordAudit(tx, context, { action: "passkey.removed", outcome: "success", actorUserId: manager.userId, details: { passkeyId, name } });
    await queueSecurityNotice(tx, manager, `The passkey named “${name}” was removed from your account.`, context, { now, accountPath: PASSKEYS_PATH });
    // With no factor left, recovery codes have nothing to stand in for.
    if (factorTotal(await countSecondFactors(tx, manager.userId)) === 0) await revokeRecoveryCodes(tx, manager.userId, now);
    return { ok: true, name };
  });
  if (!result.ok && result.code === "last_factor") {
    await recordAudit(db, context, { action: "passkey.removed", outcome: "denied", actorUserId: manager.userId, reason: "last_factor", details: { passkeyId } });
  }
  return result;
}
