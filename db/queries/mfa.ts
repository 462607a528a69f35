import { and, count, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { recoveryCodes, totpAuthenticators, users } from "../schema";

/** What second factors an account has: an authenticator (confirmed), passkeys, recovery codes left. */
export interface FactorSummary {
  totpConfirmedAt: Date | null;
  passkeyCount: number;
  recoveryCodesLeft: number;
}

/**
 * One round trip: the factors counted beside the account's row (read on most signed-in requests).
 * The correlated names are written out: drizzle leaves a one-table select's columns unqualified.
 */
export async function factorSummary(executor: Executor, userId: string): Promise<FactorSummary> {
  const [row] = await executor
    .select({
      totpConfirmedAt: sql`(select t.confirmed_at from totp_authenticators t where t.user_id = users.id limit 1)`.mapWith(totpAuthenticators.confirmedAt),
      passkeyCount: sql`(select count(*) from passkeys p where p.user_id = users.id)`.mapWith(Number),
      recoveryCodesLeft: sql`(select count(*) from recovery_codes r where r.user_id = users.id and r.used_at is null and r.revoked_at is null)`.mapWith(Number),
    })
    .from(users)
    .where(eq(users.id, userId));
  return { totpConfirmedAt: (row?.totpConfirmedAt as Date | null | undefined) ?? null, passkeyCount: row?.passkeyCount ?? 0, recoveryCodesLeft: row?.recoveryCodesLeft ?? 0 };
}

export async function findAuthenticator(executor: Executor, userId: string) {
  const [row] = await executor
    .select({ secretSealed: totpAuthenticators.secretSealed, confirmedAt: totpAuthenticators.confirmedAt, lastUsedStep: totpAuthenticators.lastUsedStep })
    .from(totpAuthenticators)
    .where(eq(totpAuthenticators.userId, userId))
    .limit(1);
  return row ?? null;
}

/**
 * Keeps a new, unconfirmed secret for an account with no authenticator yet (or replaces an
 * unconfirmed one). Returns false when the account already has a confirmed authenticator.
 */
export async function savePendingAuthenticator(executor: Executor, userId: string, secretSealed: string, now: Date): Promise<boolean> {
  const rows = await executor
    .insert(totpAuthenticators)
    .values({ userId, secretSealed, createdAt: now })
    .onConflictDoUpdate({
      target: totpAuthenticators.userId,
      set: { secretSealed, createdAt: now, lastUsedStep: null },
      setWhere: isNull(totpAuthenticators.confirmedAt),
    })
    .returning({ userId: totpAuthenticators.userId });
  return rows.length > 0;
}

/** Confirms the pending authenticator with the first code's step; false if confirmed meanwhile or the step is spent. */
export async function confirmAuthenticator(executor: Executor, userId: string, step: number, now: Date): Promise<boolean> {
  const rows = await executor
    .update(totpAuthenticators)
    .set({ confirmedAt: now, lastUsedStep: step })
    .where(and(eq(totpAuthenticators.userId, userId), isNull(totpAuthenticators.confirmedAt), or(isNull(totpAuthenticators.lastUsedStep), lt(totpAuthenticators.lastUsedStep, step))))
    .returning({ userId: totpAuthenticators.userId });
  return rows.length > 0;
}

/**
 * Spends a time step of a confirmed authenticator: one atomic update, so a code (or an earlier
 * one) can't be used twice, even by two requests at once. False when the step was already spent.
 */
export async function spendAuthenticatorStep(executor: Executor, userId: string, step: number): Promise<boolean> {
  const rows = await executor
    .update(totpAuthenticators)
    .set({ lastUsedStep: step })
    .where(and(eq(totpAuthenticators.userId, userId), isNotNull(totpAuthenticators.confirmedAt), or(isNull(totpAuthenticators.lastUsedStep), lt(totpAuthenticators.lastUsedStep, step))))
    .returning({ userId: totpAuthenticators.userId });
  return rows.length > 0;
}

export async function deleteAuthenticator(executor: Executor, userId: string): Promise<boolean> {
  const rows = await executor.delete(totpAuthenticators).where(eq(totpAuthenticators.userId, userId)).returning({ userId: totpAuthenticators.userId });
  return rows.length > 0;
}

/** Revokes every live recovery code of an account; returns how many. */
export async function revokeRecoveryCodes(executor: Executor, userId: string, now: Date): Promise<number> {
  const rows = await executor
    .update(recoveryCodes)
    .set({ revokedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt), isNull(recoveryCodes.revokedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length;
}

export async function insertRecoveryCodes(executor: Executor, userId: string, hashes: string[], now: Date): Promise<void> {
  await executor.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash, createdAt: now })));
}

/** Uses one live recovery code of the account: atomic, so a code works once even under concurrency. */
export async function spendRecoveryCode(executor: Executor, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const rows = await executor
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt), isNull(recoveryCodes.revokedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function countRecoveryCodesLeft(executor: Executor, userId: string): Promise<number> {
  const [row] = await executor
    .select({ left: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt), isNull(recoveryCodes.revokedAt)));
  return row?.left ?? 0;
}
