import { db } from "@/db/client";
import { markSessionMfaVerified, type MfaMethod } from "@/db/queries/sessions";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";

export type { MfaMethod };

/**
 * Marks a session as having passed the second step of sign-in (authenticator code, passkey or
 * recovery code), with when and how, and audits it. The caller has verified the factor.
 * Returns false when the session had ended meanwhile.
 */
export async function completeSecondStep(sessionId: string, userId: string, method: MfaMethod, context: RequestContext | null, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const marked = await markSessionMfaVerified(tx, sessionId, method, now);
    await recordAudit(tx, context, {
      action: "signin.second_step",
      outcome: marked ? "success" : "denied",
      actorUserId: userId,
      reason: marked ? null : "session_ended",
      details: { sessionId, method },
    });
    return marked;
  });
}
