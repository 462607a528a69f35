import { db } from "@/db/client";
import {
  findAccountIdByEmail,
  findEmailChangeToken,
  insertEmailChangeToken,
  markOtherSessionsEnded,
  setAccountEmail,
  useEmailChangeToken,
  voidEmailChangeTokens,
} from "@/db/queries/account-settings";
import { findAccountContact } from "@/db/queries/accounts";
import { voidPasswordResetTokens } from "@/db/queries/password-reset";
import { recordAudit } from "@/lib/audit";
import { queueSecurityNotice } from "@/lib/auth/security-notice";
import type { RequestContext } from "@/lib/client-context";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderEmail, type EmailMessage } from "@/lib/email/templates";
import { env } from "@/lib/env";
import { consumeLimit, describeWait } from "@/lib/rate-limit";
import { checkCurrentPassword } from "./current-password";
import { hashToken, looksLikeLinkToken, maskEmail, newLinkToken } from "./tokens";

export const EMAIL_CHANGE_HOURS = 24;

export type RequestEmailChangeResult =
  | { ok: true }
  | { ok: false; code: "wrong_password" | "same_email" }
  | { ok: false; code: "rate_limited"; wait: string };

function confirmationEmail(to: string, firstName: string, token: string): EmailMessage {
  const config = env();
  return {
    template: "email-change",
    to,
    props: {
      payerName: config.PAYER_NAME,
      firstName,
      newEmail: to,
      confirmUrl: `${config.APP_URL}/confirm-email-change?token=${encodeURIComponent(token)}`,
      expiresInHours: EMAIL_CHANGE_HOURS,
    },
  };
}

/**
 * Asks to move a signed-in person's account to a new address: the current password is required;
 * a confirmation link (24 hours, single use) goes to the new address and a notice to the old one.
 * An address that already has an account gets the same answer and the same notice to the old
 * address, but no link (and its owner hears nothing): the answer tells nobody which addresses
 * have accounts.
 */
export async function requestEmailChange(
  userId: string,
  input: { currentPassword: string; newEmail: string },
  context: RequestContext,
  now = new Date(),
): Promise<RequestEmailChangeResult> {
  const check = await checkCurrentPassword(userId, input.currentPassword);
  if (!check.ok) {
    await recordAudit(db, context, { action: "email.change_requested", outcome: check.code === "rate_limited" ? "rate_limited" : "failure", actorUserId: userId, reason: check.code });
    return check;
  }
  const { account } = check;
  if (input.newEmail === account.email) return { ok: false, code: "same_email" };
  const limit = await consumeLimit("emailChangeByUser", account.id);
  if (limit.blocked) {
    await recordAudit(db, context, { action: "email.change_requested", outcome: "rate_limited", actorUserId: account.id });
    return { ok: false, code: "rate_limited", wait: describeWait(limit.retryAfterSeconds) };
  }
  const taken = Boolean(await findAccountIdByEmail(db, input.newEmail));
  const { token, tokenHash } = newLinkToken();
  const message = confirmationEmail(input.newEmail, account.firstName, token);
  await db.transaction(async (tx) => {
    if (taken) {
      await renderEmail(message); // the same work as for a free address
    } else {
      await insertEmailChangeToken(tx, { tokenHash, userId: account.id, newEmail: input.newEmail, now, expiresAt: new Date(now.getTime() + EMAIL_CHANGE_HOURS * 60 * 60 * 1000) });
      await enqueueEmail(tx, message);
    }
    await queueSecurityNotice(tx, account, `Someone asked to change your account's email to ${maskEmail(input.newEmail)}.`, context, { now });
    await recordAudit(tx, context, { action: "email.change_requested", outcome: taken ? "denied" : "success", actorUserId: account.id, subjectUserId: account.id, reason: taken ? "address_in_use" : null });
  });
  return { ok: true };
}

export type ConfirmEmailChangeResult = { ok: true; email: string } | { ok: false; reason: "invalid" | "expired" | "used" | "unavailable" };

export type EmailChangeLinkState = "valid" | "expired" | "used" | "invalid";

/** Whether an email-change link can still be used (for the page; nothing is used up). */
export async function emailChangeLinkState(token: string, now = new Date()): Promise<EmailChangeLinkState> {
  if (!looksLikeLinkToken(token)) return "invalid";
  const row = await findEmailChangeToken(db, hashToken(token));
  if (!row) return "invalid";
  if (row.usedAt) return "used";
  return row.expiresAt.getTime() <= now.getTime() ? "expired" : "valid";
}

function isUniqueViolation(error: unknown): boolean {
  const candidate = error as { code?: unknown; cause?: { code?: unknown } };
  return (candidate?.cause?.code ?? candidate?.code) === "23505";
}

/**
 * Uses an email-change link (whoever is signed in, or nobody): once, within 24 hours. The account
 * moves to the new address unless another account has taken it meanwhile; the person's other
 * sessions end (the one confirming, if it is theirs, stays), their other change and reset links
 * are voided, and the old address is told.
 */
export async function confirmEmailChange(token: string, context: RequestContext, options: { currentSessionId?: string | null; now?: Date } = {}): Promise<ConfirmEmailChangeResult> {
  const now = options.now ?? new Date();
  if (!looksLikeLinkToken(token)) return { ok: false, reason: "invalid" };
  const tokenHash = hashToken(token);
  try {
    return await db.transaction(async (tx): Promise<ConfirmEmailChangeResult> => {
      const used = await useEmailChangeToken(tx, tokenHash, now);
      const account = used ? await findAccountContact(tx, { id: used.userId }) : null;
      if (!used || !account || account.status !== "active") {
        const existing = used ? null : await findEmailChangeToken(tx, tokenHash);
        const reason = used || !existing ? "invalid" : existing.usedAt ? "used" : "expired";
        await recordAudit(tx, context, { action: "email.changed", outcome: "failure", subjectUserId: used?.userId ?? existing?.userId ?? null, reason });
        return { ok: false, reason };
      }
      const holder = await findAccountIdByEmail(tx, used.newEmail);
      if (holder && holder !== account.id) {
        await recordAudit(tx, context, { action: "email.changed", outcome: "denied", subjectUserId: account.id, reason: "address_in_use" });
        return { ok: false, reason: "unavailable" };
      }
      await setAccountEmail(tx, account.id, used.newEmail, now);
      await voidEmailChangeTokens(tx, account.id, now);
      await voidPasswordResetTokens(tx, account.id, now);
      const ended = await markOtherSessionsEnded(tx, account.id, options.currentSessionId ?? null, "email_changed", now);
      if (ended.length > 0) {
        await recordAudit(tx, context, { action: "session.ended", outcome: "success", subjectUserId: account.id, reason: "email_changed", details: { sessions: ended.length } });
      }
      await recordAudit(tx, context, { action: "email.changed", outcome: "success", actorUserId: account.id, subjectUserId: account.id, details: { previousEmail: account.email, newEmail: used.newEmail } });
      await queueSecurityNotice(tx, account, `Your account's email was changed to ${maskEmail(used.newEmail)}. Sign in with the new address from now on.`, context, { now });
      return { ok: true, email: used.newEmail };
    });
  } catch (error) {
    // Another account took the address between the check and the update: the unique index refused it.
    if (!isUniqueViolation(error)) throw error;
    await recordAudit(db, context, { action: "email.changed", outcome: "denied", reason: "address_in_use" });
    return { ok: false, reason: "unavailable" };
  }
}
