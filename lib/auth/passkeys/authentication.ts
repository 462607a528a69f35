import { generateAuthenticationOptions, verifyAuthenticationResponse, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { parseAuthenticatorData } from "@simplewebauthn/server/helpers";
import { db } from "@/db/client";
import { consumeChallenge, deleteExpiredChallenges, findPasskeyByCredentialId, insertChallenge, listCredentialsOfUser, recordPasskeyUse } from "@/db/queries/passkeys";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { completeSecondStep } from "@/lib/auth/second-step";
import { takeAttempt } from "@/lib/rate-limit";
import { CHALLENGE_LIFETIME_MS } from "./policy";
import { relyingParty } from "./relying-party";
import { splitTransports, type CeremonyOptions } from "./registration";
import { challengeOf, parseAuthenticationResponse } from "./responses";

const TIMEOUT_MS = 2 * 60 * 1000;

export interface PasskeySession {
  sessionId: string;
  userId: string;
}

/**
 * Options for the browser's `startAuthentication`, allowing only this account's passkeys, with a
 * challenge stored for this session (single use, 5 minutes). Null when the account has none.
 */
export async function beginPasskeySignIn(session: PasskeySession, options: CeremonyOptions = {}): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const now = options.now ?? new Date();
  const rp = options.rp ?? relyingParty();
  const credentials = await listCredentialsOfUser(db, session.userId);
  if (credentials.length === 0) return null;
  const request = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: credentials.map((credential) => ({ id: credential.credentialId, transports: splitTransports(credential.transports) })),
    userVerification: "preferred",
    timeout: TIMEOUT_MS,
  });
  await deleteExpiredChallenges(db, session.sessionId, now);
  await insertChallenge(db, { sessionId: session.sessionId, purpose: "authenticate", challenge: request.challenge, now, expiresAt: new Date(now.getTime() + CHALLENGE_LIFETIME_MS) });
  return request;
}

export type PasskeySignInRefusal = "rate_limited" | "expired" | "not_registered" | "not_verified" | "counter" | "session_ended";
export type PasskeySignInResult = { ok: true; passkeyId: string } | { ok: false; code: PasskeySignInRefusal; retryAfterSeconds?: number };

/** The counter the authenticator reports, read without trusting it (for the refusal's reason only). */
function reportedCounter(authenticatorData: string): number | null {
  try {
    return parseAuthenticatorData(new Uint8Array(Buffer.from(authenticatorData, "base64url"))).counter;
  } catch {
    return null;
  }
}

/**
 * The second step of sign-in by passkey. The attempt is counted before anything is checked
 * (like a password); the challenge issued to this session is used up; the credential must be one
 * of this account's; the library checks origin, RP ID, challenge and signature; a counter that
 * does not move forward (a cloned authenticator) is refused. On success the counter and last use
 * are saved and the session passes its second step.
 */
export async function finishPasskeySignIn(session: PasskeySession, responseText: string, context: RequestContext | null, options: CeremonyOptions = {}): Promise<PasskeySignInResult> {
  const now = options.now ?? new Date();
  const rp = options.rp ?? relyingParty();
  const fail = async (code: PasskeySignInRefusal, reason: string, extra: { retryAfterSeconds?: number } = {}) => {
    await recordAudit(db, context, {
      action: "signin.second_step",
      outcome: code === "rate_limited" ? "rate_limited" : "failure",
      actorUserId: session.userId,
      reason,
      details: { sessionId: session.sessionId, method: "passkey" },
    });
    return { ok: false as const, code, ...extra };
  };

  const attempt = await takeAttempt([["passkeyByAccount", session.userId]]);
  if (attempt.blocked) return fail("rate_limited", "rate_limited", { retryAfterSeconds: attempt.blocked.retryAfterSeconds });

  const response = parseAuthenticationResponse(responseText);
  const challenge = response ? challengeOf(response) : null;
  if (!response || !challenge) return fail("not_verified", "malformed_response");
  if (!(await consumeChallenge(db, { sessionId: session.sessionId, purpose: "authenticate", challenge, now }))) return fail("expired", "challenge_unknown_used_or_expired");

  const passkey = await findPasskeyByCredentialId(db, response.id);
  if (!passkey || passkey.userId !== session.userId) return fail("not_registered", passkey ? "credential_of_another_account" : "unknown_credential");

  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: { id: response.id, publicKey: new Uint8Array(Buffer.from(passkey.publicKey, "base64url")), counter: passkey.counter, transports: splitTransports(passkey.transports) },
      requireUserVerification: false,
    });
  } catch (error) {
    const counter = reportedCounter(response.response.authenticatorData);
    if (counter !== null && (counter > 0 || passkey.counter > 0) && counter <= passkey.counter) return fail("counter", "counter_did_not_increase");
    return fail("not_verified", error instanceof Error ? error.message.slice(0, 120) : "verification_error");
  }
  if (!verification.verified) return fail("not_verified", "not_verified");
  const { newCounter } = verification.authenticationInfo;
  // The library refuses a counter that doesn't move forward; this says so again where it's saved,
  // and the conditional update refuses two parallel uses of the same assertion.
  if (newCounter > 0 && passkey.counter > 0 && newCounter <= passkey.counter) return fail("counter", "counter_did_not_increase");
  if (!(await recordPasskeyUse(db, passkey.id, passkey.counter, newCounter, now))) return fail("counter", "counter_changed_meanwhile");

  if (!(await completeSecondStep(session.sessionId, session.userId, "passkey", context, now))) return { ok: false, code: "session_ended" };
  await attempt.succeeded();
  return { ok: true, passkeyId: passkey.id };
}
