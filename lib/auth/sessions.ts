import { and, eq, isNull } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "./config";

/** Refresh last_seen_at at most once a minute per session, not on every request. */
const TOUCH_AFTER_MS = 60 * 1000;

export async function startSession(executor: Executor, userId: string, context: RequestContext, now = new Date()): Promise<string> {
  const [row] = await executor
    .insert(sessions)
    .values({
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_SECONDS * 1000),
      clientAddress: context.clientAddress,
      userAgent: context.userAgent,
    })
    .returning({ id: sessions.id });
  if (!row) throw new Error("The session insert returned no row.");
  return row.id;
}

export interface ActiveSessionUser {
  sessionId: string;
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  accountType: "provider" | "billing" | "staff";
}

type EndReason = "sign_out" | "idle_timeout" | "absolute_timeout" | "deactivated";

export async function endSession(sessionId: string, reason: EndReason, context: RequestContext | null, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [ended] = await tx
      .update(sessions)
      .set({ endedAt: now, endReason: reason })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)))
      .returning({ userId: sessions.userId });
    if (!ended) return;
    await recordAudit(tx, context, {
      action: reason === "sign_out" ? "signout" : "session.ended",
      outcome: "success",
      actorUserId: ended.userId,
      reason,
      details: { sessionId },
    });
  });
}

/**
 * The person behind a session id, if the session is still good: not ended, not past its
 * 12-hour limit, used within the last 30 minutes, and its account active and confirmed.
 * A session found stale is ended here, so it can't come back.
 */
export async function resolveSession(sessionId: string, context: RequestContext | null, now = new Date()): Promise<ActiveSessionUser | null> {
  const [row] = await db
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
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId))
    .limit(1);

  if (!row || row.endedAt) return null;
  if (row.expiresAt.getTime() <= now.getTime()) {
    await endSession(sessionId, "absolute_timeout", context, now);
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > SESSION_IDLE_SECONDS * 1000) {
    await endSession(sessionId, "idle_timeout", context, now);
    return null;
  }
  if (row.status !== "active" || !row.emailVerifiedAt) {
    await endSession(sessionId, "deactivated", context, now);
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  return {
    sessionId: row.sessionId,
    userId: row.userId,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    accountType: row.accountType,
  };
}
