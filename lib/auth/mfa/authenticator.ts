import "server-only";
import { db } from "@/db/client";
import { markSessionMfaVerified } from "@/db/queries/sessions";
import { confirmAuthenticator, deleteAuthenticator, factorSummary, findAuthenticator, revokeRecoveryCodes, savePendingAuthenticator } from "@/db/queries/mfa";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { env } from "@/lib/env";
import { takeAttempt } from "@/lib/rate-limit";
import { queueSecurityNotice } from "../security-notice";
import { ensureFreshSecondStep, type FreshnessRefusal } from "./freshness";
import type { MfaPerson } from "./person";
import { secondStepRequired } from "./policy";
import { issueRecoveryCodes } from "./recovery";
import { openTotpSecret, sealTotpSecret } from "./secret-cipher";
import { groupSecret, matchTotpStep, newTotpSecret, totpQrSvg, totpUri } from "./totp";

export interface AuthenticatorSetup {
  /** The secret in groups of four, for typing into an app. */
  groupedSecret: string;
  /** The QR code of the otpauth:// URI, an SVG drawn on the server. */
  qrSvg: string;
  uri: string;
}

/**
 * What the enrollment page shows: the secret of the account's pending authenticator (a new one
 * the first time, the same one on reload so an app that already scanned it still works), or
 * null when an authenticator is already set up.
 */
export async function authenticatorSetup(person: { userId: string; email: string }, now = new Date()): Promise<AuthenticatorSetup | null> {
  const existing = await findAuthenticator(db, person.userId);
  if (existing?.confirmedAt) return null;
  let secret: string;
  if (existing) {
    secret = openTotpSecret(existing.secretSealed);
  } else {
    secret = newTotpSecret();
    if (!(await savePendingAuthenticator(db, person.userId, sealTotpSecret(secret), now))) return null;
  }
  const uri = totpUri(secret, person.email, `${env().PAYER_NAME} Provider Portal`);
  return { groupedSecret: groupSecret(secret), qrSvg: await totpQrSvg(uri), uri };
}

export type ConfirmAuthenticatorResult =
  | { ok: true; recoveryCodes: string[] | null }
  | { ok: false; code: "wrong" | "not_pending" }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number };

/**
 * Confirms the pending authenticator with a first code from the app. The session then counts as
 * having passed the second step (the person just proved the factor), and an account that had no
 * recovery codes gets its 10 (returned once, to show). Emails the person and audits.
 */
export async function confirmAuthenticatorSetup(person: MfaPerson, rawCode: string, context: RequestContext | null, now = new Date()): Promise<ConfirmAuthenticatorResult> {
  const attempt = await takeAttempt([
    ["mfaCodeByAccount", person.userId],
    ["mfaCodeByClient", context?.clientAddress],
  ]);
  if (attempt.blocked) {
    await recordAudit(db, context, { action: "mfa.code_refused", outcome: "rate_limited", actorUserId: person.userId, details: { kind: "totp_setup" } });
    return { ok: false, code: "rate_limited", retryAfterSeconds: attempt.blocked.retryAfterSeconds };
  }
  const pending = await findAuthenticator(db, person.userId);
  if (!pending || pending.confirmedAt) {
    await attempt.succeeded();
    return { ok: false, code: "not_pending" };
  }
  const step = await matchTotpStep(openTotpSecret(pending.secretSealed), rawCode, now);
  const result = await db.transaction(async (tx) => {
    if (step === null || !(await confirmAuthenticator(tx, person.userId, step, now))) return null;
    const { recoveryCodesLeft } = await factorSummary(tx, person.userId);
    const recoveryCodes = recoveryCodesLeft === 0 ? await issueRecoveryCodes(tx, person.userId, context, now) : null;
    await markSessionMfaVerified(tx, person.sessionId, "totp", now);
    await recordAudit(tx, context, { action: "mfa.totp_added", outcome: "success", actorUserId: person.userId, details: { sessionId: person.sessionId } });
    await queueSecurityNotice(tx, person, "An authenticator app was set up for the second step of signing in to your account.", context, { now, accountPath: "/account/security" });
    return { recoveryCodes };
  });
  if (!result) {
    await recordAudit(db, context, { action: "mfa.code_refused", outcome: "failure", actorUserId: person.userId, details: { kind: "totp_setup" } });
    return { ok: false, code: "wrong" };
  }
  await attempt.succeeded();
  return { ok: true, recoveryCodes: result.recoveryCodes };
}

/** Thrown inside the removal's transaction to roll it back. */
class LastFactorRefused extends Error {}

export type RemoveAuthenticatorResult = { ok: true } | { ok: false; code: "not_set_up" | "last_factor" } | FreshnessRefusal;

/**
 * Removes the account's authenticator. Needs a fresh second step (else a code), and is refused
 * when it is the last factor of an account that must have one. With no factor left, the recovery
 * codes go too (they are a way around a factor, not one). Emails the person and audits.
 */
export async function removeAuthenticator(person: MfaPerson, code: string | undefined, context: RequestContext | null, now = new Date()): Promise<RemoveAuthenticatorResult> {
  const before = await factorSummary(db, person.userId);
  if (!before.totpConfirmedAt) return { ok: false, code: "not_set_up" };
  if (before.passkeyCount === 0 && secondStepRequired(person.accountType)) return { ok: false, code: "last_factor" };
  const fresh = await ensureFreshSecondStep(person, code, context, now);
  if (!fresh.ok) return fresh;
  const removed = await db.transaction<boolean | "last_factor">(async (tx) => {
    if (!(await deleteAuthenticator(tx, person.userId))) return false;
    const { passkeyCount } = await factorSummary(tx, person.userId);
    // A passkey removed meanwhile: this was the last factor after all (the transaction rolls back).
    if (passkeyCount === 0 && secondStepRequired(person.accountType)) throw new LastFactorRefused();
    const revoked = passkeyCount === 0 ? await revokeRecoveryCodes(tx, person.userId, now) : 0;
    await recordAudit(tx, context, { action: "mfa.totp_removed", outcome: "success", actorUserId: person.userId, details: { sessionId: person.sessionId, recoveryCodesRevoked: revoked } });
    await queueSecurityNotice(tx, person, "The authenticator app was removed from your account: its codes no longer work for signing in.", context, { now, accountPath: "/account/security" });
    return true;
  }).catch((error: unknown) => {
    if (error instanceof LastFactorRefused) return "last_factor" as const;
    throw error;
  });
  return removed === "last_factor" ? { ok: false, code: "last_factor" } : removed ? { ok: true } : { ok: false, code: "not_set_up" };
}
