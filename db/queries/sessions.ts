import { and, eq, inArray, isNull, max } from "drizzle-orm";
import type { Executor } from "../client";
import { sessions, users } from "../schema";

export type SessionEndReason = NonNullable<(typeof sessions.$inferSelect)["endReason"]>;

export async function insertSession(
  executor: Executor,
  values: { userId: string; now: Date; expiresAt: Date; clientAddress: string | null; userAgent: string | null },
): Promise<string> {
  const [row] = await executor
    .insert(sessions)
    .values({ userId: values.userId, createdAt: values.now, lastSeenAt: values.now, expiresAt: values.expiresAt, clientAddress: values.clientAddress, userAgent: values.userAgent })
    .returning({ id: sessions.id });
  if (!row) throw new Error("The session insert returned no row.");
  return row.id;
}

/** Ends one open session; returns its user, or null when it was already ended. */
export async function markSessionEnded(executor: Executor, sessionId: string, reason: SessionEndReason, now: Date): Promise<string | null> {
  const [ended] = await executor
    .update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)))
    .returning({ userId: sessions.userId });
  return ended?.userId ?? null;
}

/** Ends every open session of a person; returns the ids ended. */
export async function markUserSessionsEnded(executor: Executor, userId: string, reason: SessionEndReason, now: Date): Promise<string[]> {
  const rows = await executor
    .update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return rows.map((row) => row.id);
}

/** A session with the account behind it, as the data-access layer checks it on each request. */
export async function findSessionWithAccount(executor: Executor, sessionId: string) {
  const [row] = await executor
    .select({
      sessionId: sessions.id,
      userId: users.id,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      accountType: users.accountType,
      status: users.status,
      emailVerifiedAt: users.emailVerifiedAt,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      endedAt: sessions.endedAt,
      mfaVerifiedAt: sessions.mfaVerifiedAt,
      mfaMethod: sessions.mfaMethod,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId))
    .limit(1);
  return row ?? null;
}

export type MfaMethod = NonNullable<(typeof sessions.$inferSelect)["mfaMethod"]>;

/** Records that an open session passed the second step, when and how. */
export async function markSessionMfaVerified(executor: Executor, sessionId: string, method: MfaMethod, now: Date): Promise<boolean> {
  const rows = await executor
    .update(sessions)
    .set({ mfaVerifiedAt: now, mfaMethod: method })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

export async function touchSession(executor: Executor, sessionId: string, now: Date): Promise<void> {
  await executor.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
}

/** When each of the given people last signed in (absent if never). */
export async function lastSignInByUser(executor: Executor, userIds: string[]): Promise<Map<string, Date>> {
  if (userIds.length === 0) return new Map();
  const rows = await executor
    .select({ userId: sessions.userId, at: max(sessions.createdAt) })
    .from(sessions)
    .where(inArray(sessions.userId, userIds))
    .groupBy(sessions.userId);
  return new Map(rows.filter((row) => row.at).map((row) => [row.userId, row.at as Date]));
}
