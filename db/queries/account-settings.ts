import { and, desc, eq, gt, isNull, ne } from "drizzle-orm";
import type { Executor } from "../client";
import { emailChangeTokens, sessions, users } from "../schema";
import type { SessionEndReason } from "./sessions";

export async function updateContactDetails(executor: Executor, userId: string, values: { firstName: string; lastName: string; phone: string; now: Date }): Promise<boolean> {
  const rows = await executor
    .update(users)
    .set({ firstName: values.firstName, lastName: values.lastName, phone: values.phone, updatedAt: values.now })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** The open sessions of a person (not ended, not past their absolute limit), newest use first. */
export async function listOpenSessions(executor: Executor, userId: string, now: Date) {
  return executor
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, clientAddress: sessions.clientAddress, userAgent: sessions.userAgent })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt));
}

/** Ends one open session, only if it belongs to this person; false when it doesn't or is already ended. */
export async function markOwnSessionEnded(executor: Executor, userId: string, sessionId: string, reason: SessionEndReason, now: Date): Promise<boolean> {
  const rows = await executor
    .update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Ends every open session of a person except one (the one making the change); returns the ids ended. */
export async function markOtherSessionsEnded(executor: Executor, userId: string, keepSessionId: string | null, reason: SessionEndReason, now: Date): Promise<string[]> {
  const rows = await executor
    .update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), keepSessionId ? ne(sessions.id, keepSessionId) : undefined))
    .returning({ id: sessions.id });
  return rows.map((row) => row.id);
}

export async function insertEmailChangeToken(executor: Executor, values: { tokenHash: string; userId: string; newEmail: string; now: Date; expiresAt: Date }): Promise<void> {
  await executor
    .insert(emailChangeTokens)
    .values({ tokenHash: values.tokenHash, userId: values.userId, newEmail: values.newEmail, createdAt: values.now, expiresAt: values.expiresAt });
}

/** Uses an email-change token if unused and unexpired, in one statement; returns its person and new address, or null. */
export async function useEmailChangeToken(executor: Executor, tokenHash: string, now: Date) {
  const [used] = await executor
    .update(emailChangeTokens)
    .set({ usedAt: now })
    .where(and(eq(emailChangeTokens.tokenHash, tokenHash), isNull(emailChangeTokens.usedAt), gt(emailChangeTokens.expiresAt, now)))
    .returning({ userId: emailChangeTokens.userId, newEmail: emailChangeTokens.newEmail });
  return used ?? null;
}

export async function findEmailChangeToken(executor: Executor, tokenHash: string) {
  const [row] = await executor
    .select({ userId: emailChangeTokens.userId, usedAt: emailChangeTokens.usedAt, expiresAt: emailChangeTokens.expiresAt, newEmail: emailChangeTokens.newEmail })
    .from(emailChangeTokens)
    .where(eq(emailChangeTokens.tokenHash, tokenHash));
  return row ?? null;
}

/** Voids a person's unused email-change links (one was just used). */
export async function voidEmailChangeTokens(executor: Executor, userId: string, now: Date): Promise<void> {
  await executor
    .update(emailChangeTokens)
    .set({ usedAt: now })
    .where(and(eq(emailChangeTokens.userId, userId), isNull(emailChangeTokens.usedAt)));
}

/** The id of the account using an address, if any. */
export async function findAccountIdByEmail(executor: Executor, email: string): Promise<string | null> {
  const [row] = await executor.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return row?.id ?? null;
}

/** Moves an account to a new (confirmed) address; the unique index settles a race with another account. */
export async function setAccountEmail(executor: Executor, userId: string, email: string, now: Date): Promise<boolean> {
  const rows = await executor.update(users).set({ email, emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, userId)).returning({ id: users.id });
  return rows.length > 0;
}

/** What account settings show about the person. */
export async function findAccountSettings(executor: Executor, userId: string) {
  const [row] = await executor
    .select({ email: users.email, firstName: users.firstName, lastName: users.lastName, phone: users.phone, passwordChangedAt: users.passwordChangedAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}
