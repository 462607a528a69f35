import { db } from "@/db/client";
import { markOtherSessionsEnded } from "@/db/queries/account-settings";
import { setPasswordHash, voidPasswordResetTokens } from "@/db/queries/password-reset";
import { recordAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { checkPasswordStrength } from "@/lib/validation/password-strength";
import { queueSecurityNotice } from "@/lib/auth/security-notice";
import type { RequestContext } from "@/lib/client-context";
import { checkCurrentPassword } from "./current-password";

export type ChangePasswordResult =
  | { ok: true; sessionsEnded: number }
  | { ok: false; code: "wrong_password" }
  | { ok: false; code: "weak_password"; message: string }
  | { ok: false; code: "rate_limited"; wait: string };

/**
 * Changes a signed-in person's password: the current one is required; on success every other
 * session of the account ends (this one stays), unused reset links are voided, and the person is emailed.
 */
export async function changePassword(
  session: { userId: string; sessionId: string },
  input: { currentPassword: string; newPassword: string },
  context: RequestContext,
  now = new Date(),
): Promise<ChangePasswordResult> {
  const check = await checkCurrentPassword(session.userId, input.currentPassword);
  if (!check.ok) {
    await recordAudit(db, context, { action: "password.changed", outcome: check.code === "rate_limited" ? "rate_limited" : "failure", actorUserId: session.userId, reason: check.code });
    return check;
  }
  const { account } = check;
  // The strength check needs the person's own details (name, email) as words a guesser tries first.
  const strength = checkPasswordStrength(input.newPassword, account);
  if (!strength.ok) return { ok: false, code: "weak_password", message: strength.message };
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await setPasswordHash(tx, account.id, passwordHash, now);
    await voidPasswordResetTokens(tx, account.id, now);
    const ended = await markOtherSessionsEnded(tx, account.id, session.sessionId, "password_changed", now);
    if (ended.length > 0) {
      await recordAudit(tx, context, { action: "session.ended", outcome: "success", actorUserId: account.id, subjectUserId: account.id, reason: "password_changed", details: { sessions: ended.length } });
    }
    await recordAudit(tx, context, { action: "password.changed", outcome: "success", actorUserId: account.id, subjectUserId: account.id });
    await queueSecurityNotice(tx, account, "Your password was changed.", context, { now });
    return { ok: true, sessionsEnded: ended.length } as const;
  });
}
