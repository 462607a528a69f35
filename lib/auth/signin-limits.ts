import { db } from "@/db/client";
import { isKnownDeviceOfEmail } from "@/db/queries/devices";
import { env } from "@/lib/env";
import { describeWait, firstBlocked, pairKey, type LimitName } from "@/lib/rate-limit";
import { hashDeviceId } from "./devices";

/**
 * Who a sign-in pause holds back. "client": this browser or network (the per-client limit, or
 * this email from this address): everyone else, the owner included, signs in as usual.
 * "account": the ceiling for one email from everywhere, which a device that has signed in to the
 * account before passes.
 */
export type SignInPauseScope = "client" | "account";

export interface SignInPause {
  scope: SignInPauseScope;
  retryAfterSeconds: number;
}

/**
 * The limits a sign-in attempt counts against: per (email, client address), per client address,
 * and the per-email ceiling unless the device has signed in to that account before.
 */
export async function signInLimits(email: string, clientAddress: string | null, deviceId: string | null | undefined): Promise<Array<[LimitName, string | null]>> {
  const knownDevice = deviceId ? await isKnownDeviceOfEmail(db, email, hashDeviceId(deviceId)) : false;
  return [
    ["signinByAccountAndClient", pairKey(email, clientAddress)],
    ["signinByClient", clientAddress],
    ...(knownDevice ? [] : ([["signinByAccount", email]] as Array<[LimitName, string]>)),
  ];
}

export function pauseScope(limit: LimitName): SignInPauseScope {
  return limit === "signinByAccount" ? "account" : "client";
}

/** The pause in force for this email, address and device, if any (for the message after a refusal). */
export async function currentSignInPause(email: string, clientAddress: string | null, deviceId: string | null | undefined): Promise<SignInPause | null> {
  const blocked = await firstBlocked(await signInLimits(email, clientAddress, deviceId));
  return blocked ? { scope: pauseScope(blocked.limit), retryAfterSeconds: blocked.retryAfterSeconds } : null;
}

/**
 * What the person is told. A client pause says it is this device or network that waits (never that
 * the account is locked); the ceiling says what still works: a device used before, or a call.
 */
export function signInPauseMessage(pause: SignInPause | null): string {
  if (pause?.scope === "account") {
    return `There have been many unsuccessful attempts to sign in with this email address from different places. For your security, signing in with it from a new device is paused for ${describeWait(
      pause.retryAfterSeconds,
    )}. You can still sign in on a computer you have signed in on before, or call us at ${env().PAYER_PHONE} for help.`;
  }
  return `There have been too many unsuccessful sign-in attempts from this device or network. For your security, sign-ins from here are paused for ${describeWait(
    pause?.retryAfterSeconds ?? 15 * 60,
  )}. Then check your email address and password and try again.`;
}
