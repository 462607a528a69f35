import { db } from "@/db/client";
import { findAccountForSignIn } from "@/db/queries/accounts";
import { hasKnownDevices, rememberDevice, setSessionDevice } from "@/db/queries/devices";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit";
import { clearFailures, firstBlocked, limitState, pairKey, recordFailure, takeAttempt } from "@/lib/rate-limit";
import type { RequestContext } from "@/lib/client-context";
import { EmailSchema } from "@/lib/validation";
import { hashDeviceId } from "./devices";
import { sendVerificationEmail } from "./email-verification";
import { verifyPassword } from "./password";
import { queueSecurityNotice } from "./security-notice";
import { startSession } from "./sessions";
import { pauseScope, signInLimits, type SignInPauseScope } from "./signin-limits";

export type AuthenticateResult =
  /** newDevice: the sign-in came from a device the account had not used before (and the person was emailed, unless it was their first). */
  | { ok: true; userId: string; sessionId: string; newDevice: boolean }
  | { ok: false; code: "invalid" | "unverified" | "inactive" }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number; scope: SignInPauseScope };

export const NEW_DEVICE_NOTICE = "Your account was signed in to from a new device.";

/** Each earlier failure for the account adds this much delay, up to the cap: guessing slows down. */
const SLOWDOWN_STEP_MS = 250;
const SLOWDOWN_CAP_MS = 2000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks an email and password and, when they match an active, confirmed account, starts a
 * server-side session. The answer for an unknown email and for a wrong password is the same
 * ("invalid"), and takes the same time.
 *
 * Failures are limited so that a stranger can't lock the owner out: per (email, client address)
 * they slow down, then pause that pair for 15 minutes after 5; per client address 30 an hour;
 * and a ceiling of 100 a day per email from everywhere stops guessing spread over many addresses,
 * which a device that has signed in to the account before (`deviceId`, from the signed device
 * cookie) passes. A successful sign-in remembers the device; one from a device new to the account
 * is emailed to the person (not the account's very first sign-in: there is nothing to compare).
 */
export async function authenticate(rawEmail: string, password: string, context: RequestContext, deviceId?: string | null, now = new Date()): Promise<AuthenticateResult> {
  const parsedEmail = EmailSchema.safeParse(rawEmail);
  const email = parsedEmail.success ? parsedEmail.data : rawEmail.trim().toLowerCase().slice(0, 254);
  const pairCounter = pairKey(email, context.clientAddress);

  // Counted before the password is checked, atomically: parallel guesses can't all slip under the limit.
  const attempt = await takeAttempt(await signInLimits(email, context.clientAddress, deviceId));
  if (attempt.blocked) {
    const scope = pauseScope(attempt.blocked.limit);
    await recordAudit(db, context, { action: "signin", outcome: "rate_limited", actorLabel: email, reason: attempt.blocked.limit });
    return { ok: false, code: "rate_limited", retryAfterSeconds: attempt.blocked.retryAfterSeconds, scope };
  }

  // This attempt is among the failures counted so far from this address: each earlier one adds delay.
  const { failures } = await limitState("signinByAccountAndClient", pairCounter);
  if (failures > 1) await sleep(Math.min((failures - 1) * SLOWDOWN_STEP_MS, SLOWDOWN_CAP_MS));

  const user = parsedEmail.success ? await findAccountForSignIn(db, email) : null;

  const passwordMatches = password.length > 0 && password.length <= 1024 && (await verifyPassword(user?.passwordHash, password));
  if (!user || !passwordMatches) {
    await recordAudit(db, context, {
      action: "signin",
      outcome: "failure",
      actorLabel: email,
      subjectUserId: user?.id ?? null,
      reason: user ? "wrong_password" : "unknown_email",
    });
    return { ok: false, code: "invalid" };
  }

  // From here the caller has proved they know the password, so saying more is safe.
  await attempt.succeeded();
  // Only this address's count starts again: the ceiling keeps counting a stranger's guesses elsewhere.
  await clearFailures("signinByAccountAndClient", pairCounter);

  if (!user.emailVerifiedAt) {
    const resendBlocked = await firstBlocked([["verificationEmailByAddress", user.email]]);
    await db.transaction(async (tx) => {
      if (!resendBlocked) {
        await sendVerificationEmail(tx, user);
        await recordAudit(tx, context, { action: "email.verification_resent", outcome: "success", subjectUserId: user.id });
      }
      await recordAudit(tx, context, { action: "signin", outcome: "denied", actorUserId: user.id, reason: "email_not_confirmed" });
    });
    if (!resendBlocked) await recordFailure([["verificationEmailByAddress", user.email]]);
    return { ok: false, code: "unverified" };
  }

  if (user.status !== "active") {
    await recordAudit(db, context, { action: "signin", outcome: "denied", actorUserId: user.id, reason: `status_${user.status}` });
    return { ok: false, code: "inactive" };
  }

  const deviceHash = deviceId ? hashDeviceId(deviceId) : null;
  const { sessionId, newDevice } = await db.transaction(async (tx) => {
    const id = await startSession(tx, user.id, context, now);
    const firstSignIn = !(await hasKnownDevices(tx, user.id));
    let isNew = true;
    if (deviceHash) {
      await setSessionDevice(tx, id, deviceHash);
      isNew = await rememberDevice(tx, { userId: user.id, deviceHash, userAgent: context.userAgent, now });
    }
    if (isNew && !firstSignIn) {
      await queueSecurityNotice(tx, user, NEW_DEVICE_NOTICE, context, { now, accountPath: "/account/sessions", subject: `New sign-in to your ${env().PAYER_NAME} Provider Portal account` });
    }
    await recordAudit(tx, context, { action: "signin", outcome: "success", actorUserId: user.id, details: { sessionId: id, newDevice: isNew } });
    return { sessionId: id, newDevice: isNew };
  });
  return { ok: true, userId: user.id, sessionId, newDevice };
}
