import { db } from "@/db/client";
import { listOpenSessions, markOtherSessionsEnded, markOwnSessionEnded } from "@/db/queries/account-settings";
import { recordAudit } from "@/lib/audit";
import { describeDevice } from "@/lib/auth/security-notice";
import { SESSION_IDLE_SECONDS } from "@/lib/auth/config";
import type { RequestContext } from "@/lib/client-context";

export interface OpenSession {
  id: string;
  device: string;
  clientAddress: string | null;
  startedAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/** A person's open sessions, this one first: those idle past the limit are already over, so left out. */
export async function openSessionsOf(user: { userId: string; sessionId: string }, now = new Date()): Promise<OpenSession[]> {
  const rows = await listOpenSessions(db, user.userId, now);
  return rows
    .filter((row) => row.id === user.sessionId || now.getTime() - row.lastSeenAt.getTime() <= SESSION_IDLE_SECONDS * 1000)
    .map((row) => ({
      id: row.id,
      device: describeDevice(row.userAgent) ?? "Unknown device",
      clientAddress: row.clientAddress,
      startedAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      current: row.id === user.sessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/**
 * Ends one of the signed-in person's sessions. The session must be theirs: the ownership check is
 * in the statement itself, so someone else's session id ends nothing (and is audited as refused).
 */
export async function endOwnSession(user: { userId: string }, sessionId: string, context: RequestContext, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const ended = await markOwnSessionEnded(tx, user.userId, sessionId, "ended_by_user", now);
    await recordAudit(tx, context, {
      action: "session.ended",
      outcome: ended ? "success" : "denied",
      actorUserId: user.userId,
      reason: ended ? "ended_by_user" : "not_own_open_session",
      details: { sessionId },
    });
    return ended;
  });
}

/** "Sign out everywhere else": ends every session of the person but this one. */
export async function endOtherSessions(user: { userId: string; sessionId: string }, context: RequestContext, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await markOtherSessionsEnded(tx, user.userId, user.sessionId, "ended_by_user", now);
    await recordAudit(tx, context, { action: "session.ended", outcome: "success", actorUserId: user.userId, subjectUserId: user.userId, reason: "ended_by_user", details: { sessions: ended.length } });
    return ended.length;
  });
}
