import type { AccountType } from "@/db/queries/accounts";
import { FRESH_SECOND_FACTOR_MS, isFreshSecondStep, secondStepRequired } from "@/lib/auth/mfa/policy";

export { FRESH_SECOND_FACTOR_MS };

/** A ceremony's challenge is good this long, once. */
export const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;

/** Whether this account must pass a second step after its password (the two-step sign-in's one rule). */
export function secondFactorRequired(accountType: AccountType): boolean {
  return secondStepRequired(accountType);
}

/** Whether a session passed its second step recently enough to remove a factor. */
export function hasFreshSecondFactor(mfaVerifiedAt: Date | null, now: Date): boolean {
  // The two-step sign-in's one rule, and a second step stamped in the future (clock skew) doesn't count.
  return isFreshSecondStep(mfaVerifiedAt, now) && mfaVerifiedAt!.getTime() <= now.getTime() + 60_000;
}

export type SecondFactorCounts = { passkeys: number; authenticatorApp: boolean };

export function factorTotal(counts: SecondFactorCounts): number {
  return counts.passkeys + (counts.authenticatorApp ? 1 : 0);
}

/**
 * What the passkeys page may do for a session whose password is proved:
 * - "signed-in": the second step is passed, or not needed (no factor, none required);
 * - "first-factor": a factor is required and the account has none yet: adding the first passkey
 *   completes the second step (the "set up your first factor" case);
 * - "second-step-owed": the account has a factor and the session hasn't used it yet.
 */
export type PasskeyManagerMode = "signed-in" | "first-factor" | "second-step-owed";

export function passkeyManagerMode(session: { accountType: AccountType; mfaVerifiedAt: Date | null }, counts: SecondFactorCounts): PasskeyManagerMode {
  if (session.mfaVerifiedAt) return "signed-in";
  if (factorTotal(counts) === 0) return secondFactorRequired(session.accountType) ? "first-factor" : "signed-in";
  return "second-step-owed";
}
