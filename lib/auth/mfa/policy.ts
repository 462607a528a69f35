import type { FactorSummary } from "@/db/queries/mfa";
import { env } from "@/lib/env";

export type { FactorSummary };

/** Removing a factor or making new recovery codes needs a second step passed this recently. */
export const FRESH_SECOND_FACTOR_MS = 10 * 60 * 1000;

/** Staff (representatives) always need a second step; everyone else when MFA_REQUIRED is on. */
export function secondStepRequired(accountType: string, mfaRequired: boolean = env().MFA_REQUIRED): boolean {
  return accountType === "staff" || mfaRequired;
}

export function hasSecondFactor(summary: FactorSummary): boolean {
  return summary.totpConfirmedAt !== null || summary.passkeyCount > 0;
}

/**
 * What a session still owes after the password: nothing, a code from a factor the account has
 * ("verify", at /signin/two-step), or setting up a first factor ("setup", at /account/security/setup).
 */
export type SecondStepDue = "none" | "verify" | "setup";

export function secondStepDue(
  session: { mfaVerifiedAt: Date | null; accountType: string },
  summary: FactorSummary,
  mfaRequired: boolean = env().MFA_REQUIRED,
): SecondStepDue {
  if (session.mfaVerifiedAt) return "none";
  if (hasSecondFactor(summary)) return "verify";
  return secondStepRequired(session.accountType, mfaRequired) ? "setup" : "none";
}

/** Whether the session passed the second step within the last 10 minutes. */
export function isFreshSecondStep(mfaVerifiedAt: Date | null, now: Date = new Date()): boolean {
  return mfaVerifiedAt !== null && now.getTime() - mfaVerifiedAt.getTime() <= FRESH_SECOND_FACTOR_MS;
}

/** Where a session that owes the second step goes, keeping where it was headed. */
export function secondStepPath(due: Exclude<SecondStepDue, "none">, callbackUrl?: string | null): string {
  const base = due === "verify" ? "/signin/two-step" : "/account/security/setup";
  return callbackUrl ? `${base}?callbackUrl=${encodeURIComponent(callbackUrl)}` : base;
}
