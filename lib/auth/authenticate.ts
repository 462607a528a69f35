import { db } from "@/db/client";
import { findAccountForSignIn } from "@/db/queries/accounts";
import { recordAudit } from "@/lib/audit";
import { clearFailures, firstBlocked, limitState, recordFailure, takeAttempt, type LimitName } from "@/lib/rate-limit";
import type { RequestContext } from "@/lib/client-context";
import { EmailSchema } from "@/lib/validation";
import { sendVerificationEmail } from "./email-verification";
import { verifyPassword } from "./password";
import { startSession } from "./sessions";

export type AuthenticateResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; code: "invalid" | "unverified" | "inactive" }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number };

/** Each earlier failure for the account adds this much delay, up to the cap: guessing slows down. */
const SLOWDOWN_STEP_MS = 250;
const SLOWDOWN_CAP_MS = 2000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks an email and password and, when they match an active, confirmed account, starts a
 * server-side session. The answer for an unknown email and for a wrong password is the same
 * ("invalid"), and takes the same time. Failures for one email slow down, then pause for
 * 15 minutes after 5; the pause ends by itself, so a stranger can't lock the owner out for long.
 */
export async function authenticate(rawEmail: string, password: string, context: RequestContext): Promise<AuthenticateResult> {
  const parsedEmail = EmailSchema.safeParse(rawEmail);
  const email = parsedEmail.success ? parsedEmail.data : rawEmail.trim().toLowerCase().slice(0, 254);
  const limits: Array<[LimitName, string | null]> = [
    ["signinByAccount", email],
    ["signinByClient", context.clientAddress],
  ];

  // Counted before the password is checked, atomically: parallel guesses can't all slip under the limit.
  const attempt = await takeAttempt(limits);
  if (attempt.blocked) {
    await recordAudit(db, context, { action: "signin", outcome: "rate_limited", actorLabel: email });
    return { ok: false, code: "rate_limited", retryAfterSeconds: attempt.blocked.retryAfterSeconds };
  }

  // This attempt is among the failures counted so far: each earlier one adds delay.
  const { failures } = await limitState("signinByAccount", email);
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
  await clearFailures("signinByAccount", email);

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

  const sessionId = await db.transaction(async (tx) => {
    const id = await startSession(tx, user.id, context);
    await recordAudit(tx, context, { action: "signin", outcome: "success", actorUserId: user.id, details: { sessionId: id } });
    return id;
  });
  return { ok: true, userId: user.id, sessionId };
}
