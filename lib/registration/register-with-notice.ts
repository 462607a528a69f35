import { db } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { takeAttempt } from "@/lib/rate-limit";
import type { NoticeRegistration } from "./notice-registration-schema";
import { alreadySubmitted, questionsBeforeRegistering, registerProvedProvider, type RegistrationRefusal } from "./provider-registration";
import { noticeEvidence, verifyNotice } from "./verify-notice";
import { verificationLimits, verificationPauseScope, type VerificationPauseScope } from "./verification-limits";

export type RegisterWithNoticeResult =
  /** The account exists (or an email went to the owner of an existing one): check your inbox. */
  | { ok: true }
  | { ok: false; code: "not_verified" }
  /** The digits alone would have matched: the person must type the "NP" too. */
  | { ok: false; code: "missing_np_prefix" }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number; scope: VerificationPauseScope }
  | RegistrationRefusal;

/**
 * Registers a provider's staff member with a non-payment notice from the health plan. The same
 * limits on guessing as a check (verification-limits.ts, failures only); every
 * failure counts, including a number typed without its "NP", so the hint can't be farmed.
 */
export async function registerWithNotice(input: NoticeRegistration, context: RequestContext, now = new Date()): Promise<RegisterWithNoticeResult> {
  const details = { method: "nonpayment_notice" };

  const attempt = await takeAttempt(verificationLimits(input.taxId, context.clientAddress));
  if (attempt.blocked) {
    await recordAudit(db, context, { action: "verification.notice", outcome: "rate_limited", actorLabel: input.email, taxId: input.taxId, reason: attempt.blocked.limit, details });
    return { ok: false, code: "rate_limited", retryAfterSeconds: attempt.blocked.retryAfterSeconds, scope: verificationPauseScope(attempt.blocked.limit) };
  }

  if (await alreadySubmitted(input.submissionId)) {
    await attempt.succeeded();
    return { ok: true };
  }

  const verification = await verifyNotice(db, input, now);
  if (!verification.ok) {
    await recordAudit(db, context, { action: "verification.notice", outcome: "failure", actorLabel: input.email, taxId: input.taxId, reason: verification.reason, details });
    return { ok: false, code: verification.reason === "missing_np_prefix" ? "missing_np_prefix" : "not_verified" };
  }
  await attempt.succeeded();
  await recordAudit(db, context, { action: "verification.notice", outcome: "success", actorLabel: input.email, taxId: input.taxId, details });

  const question = await questionsBeforeRegistering(input.taxId, input, input.answers);
  if (question) return question;

  return registerProvedProvider(
    { taxId: input.taxId, person: input, grant: { method: "nonpayment_notice", evidence: noticeEvidence(verification.noticeNumber) }, answers: input.answers },
    context,
    now,
  );
}
