import { db } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { takeAttempt } from "@/lib/rate-limit";
import type { CheckRegistration } from "./check-registration-schema";
import { alreadySubmitted, questionsBeforeRegistering, registerProvedProvider, type RegistrationRefusal } from "./provider-registration";
import { verifyCheck } from "./verify-check";
import { verificationLimits, verificationPauseScope, type VerificationPauseScope } from "./verification-limits";

export type RegisterWithCheckResult =
  /** The account exists (or an email went to the owner of an existing one): check your inbox. */
  | { ok: true }
  | { ok: false; code: "not_verified" }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number; scope: VerificationPauseScope }
  | RegistrationRefusal;

/**
 * Registers a provider's staff member with a check from the health plan. Guessing is
 * limited per client address, per (Tax ID, client address) and by a high per-Tax-ID ceiling
 * (verification-limits.ts), so a stranger can't pause an organization's registrations. On success, in one transaction: the account
 * (waiting for its email to be confirmed), the organization's delegate role, the access grant,
 * the confirmation email and the audit entries (see registerProvedProvider).
 */
export async function registerWithCheck(input: CheckRegistration, context: RequestContext, now = new Date()): Promise<RegisterWithCheckResult> {
  const answers = input.answers;
  const method = input.proof.kind === "vendor" ? "check_and_vendor_number" : "check_and_npi";

  const attempt = await takeAttempt(verificationLimits(input.taxId, context.clientAddress));
  if (attempt.blocked) {
    await recordAudit(db, context, { action: "verification.check", outcome: "rate_limited", actorLabel: input.email, taxId: input.taxId, reason: attempt.blocked.limit, details: { method } });
    return { ok: false, code: "rate_limited", retryAfterSeconds: attempt.blocked.retryAfterSeconds, scope: verificationPauseScope(attempt.blocked.limit) };
  }

  if (await alreadySubmitted(input.submissionId)) {
    await attempt.succeeded();
    return { ok: true };
  }

  const verification = await verifyCheck(db, input, now);
  if (!verification.ok) {
    await recordAudit(db, context, { action: "verification.check", outcome: "failure", actorLabel: input.email, taxId: input.taxId, reason: verification.reason, details: { method } });
    return { ok: false, code: "not_verified" };
  }
  await attempt.succeeded();
  await recordAudit(db, context, { action: "verification.check", outcome: "success", actorLabel: input.email, taxId: input.taxId, details: { method } });

  const question = await questionsBeforeRegistering(input.taxId, input, answers);
  if (question) return question;

  return registerProvedProvider(
    { taxId: input.taxId, person: input, grant: { method: "check", evidence: `Check ending ${verification.checkNumber.slice(-4)}` }, answers },
    context,
    now,
  );
}
