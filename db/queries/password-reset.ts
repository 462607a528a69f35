import { and, eq, gt, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { passwordResetTokens, users } from "../schema";

export async function insertPasswordResetToken(executor: Executor, values: { tokenHash: string; userId: string; now: Date; expiresAt: Date }): Promise<void> {
  await executor.insert(passwordResetTokens).values({ tokenHash: values.tokenHash, userId: values.userId, createdAt: values.now, expiresAt: values.expiresAt });
}

/** Uses a reset token if it is unused and unexpired, in one statement (two uses at once: one wins); returns its user, or null. */
export async function usePasswordResetToken(executor: Executor, tokenHash: string, now: Date): Promise<string | null> {
  const [used] = await executor
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.tokenHash, tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
    .returning({ userId: passwordResetTokens.userId });
  return used?.userId ?? null;
}

export async function findPasswordResetToken(executor: Executor, tokenHash: string) {
  const [row] = await executor
    .select({ userId: passwordResetTokens.userId, usedAt: passwordResetTokens.usedAt, expiresAt: passwordResetTokens.expiresAt })
    .from(passwordResetTokens)
    .where(eq(passwordResetTokens.tokenHash, tokenHash));
  return row ?? null;
}

/** Voids every unused reset link of a person (a password was just set). */
export async function voidPasswordResetTokens(executor: Executor, userId: string, now: Date): Promise<number> {
  const rows = await executor
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)))
    .returning({ userId: passwordResetTokens.userId });
  return rows.length;
}

/** Sets a new password hash and when it changed. */
export async function setPasswordHash(executor: Executor, userId: string, passwordHash: string, now: Date): Promise<boolean> {
  const rows = await executor.update(users).set({ passwordHash, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, userId)).returning({ id: users.id });
  return rows.length > 0;
}

/** What a password reset or change needs about the account. */
export async function findAccountForPasswordChange(executor: Executor, userId: string) {
  const [row] = await executor
    .select({ id: users.id, email: users.email, firstName: users.firstName, lastName: users.lastName, passwordHash: users.passwordHash, status: users.status, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}
