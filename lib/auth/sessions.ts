import { db, type Executor } from "@/db/client";
import { findSessionWithAccount, insertSession, markSessionEnded, markUserSessionsEnded, touchSession, type MfaMethod, type SessionEndReason } from "@/db/queries/sessions";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "./config";

/** Refresh last_seen_at at most once a minute per session, not on every request. */
const TOUCH_AFTER_MS = 60 * 1000;

export async function startSession(executor: Executor, userId: string, context: RequestContext, now = new Date()): Promise<string> {
  return insertSession(executor, {
    userId,
    now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_SECONDS * 1000),
    clientAddress: context.clientAddress,
    userAgent: context.userAgent,
  });
}

export interface ActiveSessionUser {
  sessionId: string;
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  accountType: "provider" | "billing" | "staff";
  /** When and how this session passed the second step of sign-in; null while only the password is proved. */
  mfaVerifiedAt: Date | null;
  mfaMethod: MfaMethod | null;
}

type EndReason = Exclude<SessionEndReason, "password_changed">;

export async function endSession(sessionId: string, reason: EndReason, context: RequestContext | null, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const userId = await markSessionEnded(tx, sessionId, reason, now);
    if (!userId) return;
    await recordAudit(tx, context, {
      action: reason === "sign_out" ? "signout" : "session.ended",
      outcome: "success",
      actorUserId: userId,
      reason,
      details: { sessionId },
    });
  });
}

/** Ends every open session of a person at once (deactivation), inside the caller's transaction. */
export async function endAllSessions(executor: Executor, userId: string, reason: EndReason, context: RequestContext | null, now = new Date()): Promise<number> {
  const ended = await markUserSessionsEnded(executor, userId, reason, now);
  if (ended.length > 0) {
    await recordAudit(executor, context, { action: "session.ended", outcome: "success", subjectUserId: userId, reason, details: { sessions: ended.length } });
  }
  return ended.length;
}

/**
 * The person behind a session id, if the session is still good: not ended, not past its
 * 12-hour limit, used within the last 30 minutes, and its account active and confirmed.
 * A session found stale is ended here, so it can't come back.
 */
export async function resolveSession(sessionId: string, context: RequestContext | null, now = new Date()): Promise<ActiveSessionUser | null> {
  const row = await findSessionWithAccount(db, sessionId);
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
    await touchSession(db, sessionId, now);
  }
  return {
    sessionId: row.sessionId,
    userId: row.userId,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    accountType: row.accountType,
    mfaVerifiedAt: row.mfaVerifiedAt,
    mfaMethod: row.mfaMethod,
  };
}
