import { db } from "@/db/client";
import { findAccountContact, findAccountIdBySubmission } from "@/db/queries/accounts";
import { recordAudit } from "@/lib/audit";
import { sendVerificationEmail } from "@/lib/auth/email-verification";
import type { RequestContext } from "@/lib/client-context";
import { consumeLimit } from "@/lib/rate-limit";
import { waitUntilElapsed } from "@/lib/security/answer-floor";
import type { PendingRegistration } from "./pending-registration";

export type ResendConfirmationResult =
  /** The same answer whether a link went out or the address already had an account (its registration created none). */
  | { ok: true; status: "sent" }
  /** This browser's own registration is confirmed already: sign in. */
  | { ok: true; status: "already_confirmed" }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number };

/** Every answer takes at least this long, so that its timing can't tell whether an email was written. */
const ANSWER_FLOOR_MS = 300;

/**
 * "Send it again" on "Check your email": a new confirmation link for the account this browser's
 * registration created (found by the form's submission id, and only while its address is the one
 * registered and unconfirmed). It never registers anything, so a resend can't make a second
 * account. Every request counts, taken before anything is looked up: 10 an hour per client
 * address, and 3 new links an hour per address (shared with the link a sign-in sends). A
 * registration whose address already had an account created none: it gets the same answer and no
 * email (the owner was told once, at registration). Audited as `email.verification_resent`.
 */
export async function resendConfirmationEmail(pending: PendingRegistration, context: RequestContext, now = new Date()): Promise<ResendConfirmationResult> {
  const started = performance.now();
  const result = await resend(pending, context, now);
  await waitUntilElapsed(started, ANSWER_FLOOR_MS);
  return result;
}

async function resend(pending: PendingRegistration, context: RequestContext, now: Date): Promise<ResendConfirmationResult> {
  // One after the other, so that a request refused by the first limit is not counted by the second.
  for (const [limit, key] of [
    ["verificationResendByClient", context.clientAddress],
    ["verificationEmailByAddress", pending.email],
  ] as const) {
    const state = await consumeLimit(limit, key);
    if (state.blocked) {
      await recordAudit(db, context, { action: "email.verification_resent", outcome: "rate_limited", actorLabel: pending.email, reason: limit });
      return { ok: false, code: "rate_limited", retryAfterSeconds: state.retryAfterSeconds };
    }
  }

  const userId = await findAccountIdBySubmission(db, pending.submissionId);
  const account = userId ? await findAccountContact(db, { id: userId }) : null;
  const own = account !== null && account.email === pending.email;

  if (own && account.emailVerifiedAt) {
    await recordAudit(db, context, { action: "email.verification_resent", outcome: "denied", actorLabel: pending.email, subjectUserId: account.id, reason: "already_confirmed" });
    return { ok: true, status: "already_confirmed" };
  }
  if (own && account.status === "active") {
    await db.transaction(async (tx) => {
      await sendVerificationEmail(tx, account, now);
      await recordAudit(tx, context, { action: "email.verification_resent", outcome: "success", actorLabel: pending.email, subjectUserId: account.id, details: { from: "check_email" } });
    });
    return { ok: true, status: "sent" };
  }
  await recordAudit(db, context, {
    action: "email.verification_resent",
    outcome: "denied",
    actorLabel: pending.email,
    subjectUserId: account?.id ?? null,
    reason: account ? "account_not_usable" : "no_account_created",
  });
  return { ok: true, status: "sent" };
}
