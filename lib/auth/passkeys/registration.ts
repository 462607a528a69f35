import { generateRegistrationOptions, verifyRegistrationResponse, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { db } from "@/db/client";
import { consumeChallenge, countSecondFactors, deleteExpiredChallenges, insertChallenge, insertPasskey, listCredentialsOfUser, lockAccountFactors } from "@/db/queries/passkeys";
import { countRecoveryCodesLeft } from "@/db/queries/mfa";
import { issueRecoveryCodes } from "@/lib/auth/mfa/recovery";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { completeSecondStep } from "@/lib/auth/second-step";
import { queueSecurityNotice } from "@/lib/auth/security-notice";
import { CHALLENGE_LIFETIME_MS, factorTotal } from "./policy";
import { relyingParty, type RelyingParty } from "./relying-party";
import { challengeOf, parseRegistrationResponse } from "./responses";

export interface PasskeyOwner {
  sessionId: string;
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
}

export interface CeremonyOptions {
  now?: Date;
  /** Tests pass one; the app's comes from APP_URL. */
  rp?: RelyingParty;
}

const TIMEOUT_MS = 2 * 60 * 1000;
export const PASSKEYS_PATH = "/account/security/passkeys";

/** The account's id as WebAuthn's user handle: 16 bytes, no personal data, the same on every passkey. */
function userHandle(userId: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(userId.replace(/-/g, ""), "hex"));
}

/**
 * Options for the browser's `startRegistration`, with a challenge stored for this session
 * (single use, 5 minutes). The account's passkeys are excluded, so an authenticator that already
 * holds one says so instead of making a second.
 */
export async function beginPasskeyRegistration(owner: PasskeyOwner, options: CeremonyOptions = {}): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const now = options.now ?? new Date();
  const rp = options.rp ?? relyingParty();
  const existing = await listCredentialsOfUser(db, owner.userId);
  const creation = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: owner.email,
    userID: userHandle(owner.userId),
    userDisplayName: `${owner.firstName} ${owner.lastName}`,
    attestationType: "none",
    timeout: TIMEOUT_MS,
    excludeCredentials: existing.map((credential) => ({ id: credential.credentialId, transports: splitTransports(credential.transports) })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await deleteExpiredChallenges(db, owner.sessionId, now);
  await insertChallenge(db, { sessionId: owner.sessionId, purpose: "register", challenge: creation.challenge, now, expiresAt: new Date(now.getTime() + CHALLENGE_LIFETIME_MS) });
  return creation;
}

/** Transports are stored comma-separated ("internal,hybrid"). */
export function splitTransports(transports: string | null): string[] | undefined {
  return transports ? transports.split(",").filter(Boolean) : undefined;
}

export type AddPasskeyResult =
  | { ok: true; passkeyId: string; completedSecondStep: boolean; recoveryCodes: string[] | null }
  | { ok: false; code: "expired" | "not_verified" | "already_registered" };

/**
 * Checks the browser's answer against the challenge issued to this session (used up here, even
 * when the answer fails) and saves the passkey, with an audit row and an email to the person in
 * the same transaction. With `firstFactor` (the session owes a second step and the account had no
 * factor), the new passkey also completes this session's second step.
 */
export async function finishPasskeyRegistration(
  owner: PasskeyOwner,
  input: { name: string; response: string; firstFactor?: boolean },
  context: RequestContext | null,
  options: CeremonyOptions = {},
): Promise<AddPasskeyResult> {
  const now = options.now ?? new Date();
  const rp = options.rp ?? relyingParty();
  const refuse = async (code: "expired" | "not_verified" | "already_registered", detail?: string) => {
    await recordAudit(db, context, { action: "passkey.added", outcome: "failure", actorUserId: owner.userId, reason: detail ?? code });
    return { ok: false as const, code };
  };

  const response = parseRegistrationResponse(input.response);
  const challenge = response ? challengeOf(response) : null;
  if (!response || !challenge) return refuse("not_verified", "malformed_response");
  if (!(await consumeChallenge(db, { sessionId: owner.sessionId, purpose: "register", challenge, now }))) return refuse("expired", "challenge_unknown_used_or_expired");

  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
  } catch (error) {
    return refuse("not_verified", error instanceof Error ? error.message.slice(0, 120) : "verification_error");
  }
  if (!verification.verified || !verification.registrationInfo) return refuse("not_verified");
  const info = verification.registrationInfo;

  const saved = await db.transaction(async (tx) => {
    await lockAccountFactors(tx, owner.userId);
    const before = factorTotal(await countSecondFactors(tx, owner.userId));
    const passkeyId = await insertPasskey(tx, {
      userId: owner.userId,
      credentialId: info.credential.id,
      publicKey: Buffer.from(info.credential.publicKey).toString("base64url"),
      counter: info.credential.counter,
      transports: info.credential.transports?.join(",").slice(0, 128) ?? null,
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
      name: input.name,
      now,
    });
    if (!passkeyId) return null;
    await recordAudit(tx, context, { action: "passkey.added", outcome: "success", actorUserId: owner.userId, details: { passkeyId, name: input.name } });
    await queueSecurityNotice(tx, owner, `A passkey named “${input.name}” was added to your account.`, context, { now, accountPath: PASSKEYS_PATH });
    // The account's first factor: it gets its recovery codes now, as with an authenticator app.
    const recoveryCodes = before === 0 && (await countRecoveryCodesLeft(tx, owner.userId)) === 0 ? await issueRecoveryCodes(tx, owner.userId, context, now) : null;
    return { passkeyId, firstFactor: Boolean(input.firstFactor) && before === 0, recoveryCodes };
  });
  if (!saved) return refuse("already_registered");

  const completedSecondStep = saved.firstFactor ? await completeSecondStep(owner.sessionId, owner.userId, "passkey", context, now) : false;
  return { ok: true, passkeyId: saved.passkeyId, completedSecondStep, recoveryCodes: saved.recoveryCodes };
}
