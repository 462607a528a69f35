import { db } from "@/db/client";
import { findAccountForSignIn } from "@/db/queries/accounts";
import {
  findAccountForPasswordChange,
  findPasswordResetToken,
  insertPasswordResetToken,
  setPasswordHash,
  usePasswordResetToken,
  voidPasswordResetTokens,
} from "@/db/queries/password-reset";
import { recordAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { checkPasswordStrength } from "@/lib/validation/password-strength";
import { queueSecurityNotice } from "@/lib/auth/security-notice";
import { endAllSessions } from "@/lib/auth/sessions";
import type { RequestContext } from "@/lib/client-context";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderEmail, type EmailMessage } from "@/lib/email/templates";
import { env } from "@/lib/env";
import { consumeLimit } from "@/lib/rate-limit";
import { waitUntilElapsed } from "@/lib/security/answer-floor";
import { hashToken, looksLikeLinkToken, newLinkToken } from "./tokens";

export const RESET_LINK_MINUTES = 60;

/**
 * The answer to "Forgot your password?" takes at least this long whatever happened, so that its
 * timing can't tell an address with an account from one without (the work done is the same too).
 */
const ANSWER_FLOOR_MS = 400;

function resetEmail(to: string, firstName: string, token: string): EmailMessage {
  const config = env();
  return {
    template: "password-reset",
    to,
    props: {
      payerName: config.PAYER_NAME,
      firstName,
      resetUrl: `${config.APP_URL}/reset-password?token=${encodeURIComponent(token)}`,
      expiresInMinutes: RESET_LINK_MINUTES,
    },
  };
}

/**
 * "Forgot your password?": emails a single-use, one-hour link to an active, confirmed account's
 * address. The caller's answer is the same for every address (the function returns nothing), and
 * so is the work: a link is made and an email rendered either way, but only queued for a real
 * account within the limits (3 an hour per address, 20 per client address).
 */
export async function requestPasswordReset(email: string, context: RequestContext, now = new Date()): Promise<void> {
  const started = performance.now();
  // Counted first, outside any transaction (the limiter has its own connection).
  const [byClient, byAddress] = await Promise.all([consumeLimit("passwordResetByClient", context.clientAddress), consumeLimit("passwordResetByAddress", email)]);
  const limited = byClient.blocked || byAddress.blocked;
  const account = await findAccountForSignIn(db, email);
  const eligible = Boolean(account && account.status === "active" && account.emailVerifiedAt);
  const { token, tokenHash } = newLinkToken();
  const message = resetEmail(account?.email ?? email, account?.firstName ?? "there", token);

  await db.transaction(async (tx) => {
    if (account && eligible && !limited) {
      await insertPasswordResetToken(tx, { tokenHash, userId: account.id, now, expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60 * 1000) });
      await enqueueEmail(tx, message);
    } else {
      await renderEmail(message);
    }
    await recordAudit(tx, context, {
      action: "password.reset_requested",
      outcome: limited ? "rate_limited" : eligible ? "success" : "denied",
      actorLabel: email,
      subjectUserId: account?.id ?? null,
      reason: limited ? (byAddress.blocked ? "address_limit" : "client_limit") : !account ? "unknown_email" : eligible ? null : "account_not_usable",
    });
  });
  await waitUntilElapsed(started, ANSWER_FLOOR_MS);
}

export type ResetLinkState = "valid" | "expired" | "used" | "invalid";

/** Whether a reset link can still be used (for the page that shows the form; nothing is used up). */
export async function resetLinkState(token: string, now = new Date()): Promise<ResetLinkState> {
  if (!looksLikeLinkToken(token)) return "invalid";
  const row = await findPasswordResetToken(db, hashToken(token));
  if (!row) return "invalid";
  if (row.usedAt) return "used";
  return row.expiresAt.getTime() <= now.getTime() ? "expired" : "valid";
}

export type ResetPasswordResult = { ok: true } | { ok: false; reason: Exclude<ResetLinkState, "valid"> } | { ok: false; reason: "weak_password"; message: string };

/**
 * Sets a new password with a reset link: in one transaction the link is used (once: of two uses at
 * the same moment one wins), every other link of the account is voided, the password and its
 * change time are set, every session of the account ends, and the person is emailed.
 */
export async function resetPassword(token: string, newPassword: string, context: RequestContext, now = new Date()): Promise<ResetPasswordResult> {
  if (!looksLikeLinkToken(token)) return { ok: false, reason: "invalid" };
  const tokenHash = hashToken(token);
  // Judged against the link's account (its name and email are words a guesser tries first); the
  // link itself is only used up below, in the transaction, once the password is good.
  const pending = await findPasswordResetToken(db, tokenHash);
  const usable = pending && !pending.usedAt && pending.expiresAt.getTime() > now.getTime();
  const owner = usable ? await findAccountForPasswordChange(db, pending.userId) : null;
  if (owner) {
    const strength = checkPasswordStrength(newPassword, owner);
    if (!strength.ok) return { ok: false, reason: "weak_password", message: strength.message };
  }
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx): Promise<ResetPasswordResult> => {
    const userId = await usePasswordResetToken(tx, tokenHash, now);
    const account = userId ? await findAccountForPasswordChange(tx, userId) : null;
    if (!userId || !account || account.status !== "active" || !account.emailVerifiedAt) {
      const existing = userId ? null : await findPasswordResetToken(tx, tokenHash);
      const reason = userId ? "invalid" : !existing ? "invalid" : existing.usedAt ? "used" : "expired";
      await recordAudit(tx, context, { action: "password.reset", outcome: "failure", subjectUserId: userId ?? existing?.userId ?? null, reason });
      return { ok: false, reason };
    }
    await setPasswordHash(tx, account.id, passwordHash, now);
    await voidPasswordResetTokens(tx, account.id, now);
    await endAllSessions(tx, account.id, "password_reset", context, now);
    await recordAudit(tx, context, { action: "password.reset", outcome: "success", actorUserId: account.id, subjectUserId: account.id });
    await queueSecurityNotice(tx, account, "Your password was reset.", context, { now });
    return { ok: true };
  });
}
