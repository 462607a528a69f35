import "server-only";
import { db } from "@/db/client";
import { countRecoveryCodesLeft, findAuthenticator, spendAuthenticatorStep, spendRecoveryCode } from "@/db/queries/mfa";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { takeAttempt } from "@/lib/rate-limit";
import { queueSecurityNotice } from "../security-notice";
import { completeSecondStep } from "../second-step";
import type { MfaPerson } from "./person";
import { hashRecoveryCode, normalizeRecoveryCode } from "./recovery-codes";
import { openTotpSecret } from "./secret-cipher";
import { looksLikeTotpCode, matchTotpStep } from "./totp";

export type CodeKind = "totp" | "recovery_code" | "either";

export type CodeCheck =
  | { ok: true; method: "totp" | "recovery_code" }
  | { ok: false; code: "wrong" }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number };

function recoveryNoticeSentence(left: number): string {
  const remaining = left === 0 ? "You have no recovery codes left: make new ones in your account's security settings." : `You have ${left} recovery code${left === 1 ? "" : "s"} left.`;
  return `A recovery code was used to pass the second step of signing in to your account. ${remaining}`;
}

/**
 * Checks a second-step code from the person's authenticator app or one of their recovery codes.
 * The attempt is counted (per account and per client) *before* the code is checked, so parallel
 * guesses can't slip under the limit. A used authenticator step or recovery code is spent with an
 * atomic update: the same code never works twice. Using a recovery code emails the person.
 */
export async function checkSecondFactorCode(person: MfaPerson, kind: CodeKind, rawCode: string, context: RequestContext | null, now = new Date()): Promise<CodeCheck> {
  const attempt = await takeAttempt([
    ["mfaCodeByAccount", person.userId],
    ["mfaCodeByClient", context?.clientAddress],
  ]);
  if (attempt.blocked) {
    await recordAudit(db, context, { action: "mfa.code_refused", outcome: "rate_limited", actorUserId: person.userId, details: { kind } });
    return { ok: false, code: "rate_limited", retryAfterSeconds: attempt.blocked.retryAfterSeconds };
  }

  const code = rawCode.slice(0, 64);
  if (kind !== "recovery_code" && looksLikeTotpCode(code)) {
    const authenticator = await findAuthenticator(db, person.userId);
    if (authenticator?.confirmedAt) {
      const step = await matchTotpStep(openTotpSecret(authenticator.secretSealed), code, now);
      if (step !== null && (await spendAuthenticatorStep(db, person.userId, step))) {
        await attempt.succeeded();
        return { ok: true, method: "totp" };
      }
    }
  } else if (kind !== "totp") {
    const normalized = normalizeRecoveryCode(code);
    const used =
      normalized !== null &&
      (await db.transaction(async (tx) => {
        if (!(await spendRecoveryCode(tx, person.userId, hashRecoveryCode(normalized), now))) return false;
        const left = await countRecoveryCodesLeft(tx, person.userId);
        await recordAudit(tx, context, { action: "mfa.recovery_code_used", outcome: "success", actorUserId: person.userId, details: { sessionId: person.sessionId, left } });
        await queueSecurityNotice(tx, person, recoveryNoticeSentence(left), context, { now, accountPath: "/account/security" });
        return true;
      }));
    if (used) {
      await attempt.succeeded();
      return { ok: true, method: "recovery_code" };
    }
  }

  await recordAudit(db, context, { action: "mfa.code_refused", outcome: "failure", actorUserId: person.userId, details: { kind } });
  return { ok: false, code: "wrong" };
}

/**
 * The second step of signing in: checks the code and, when it is right, records on the session
 * when and how the step was passed.
 */
export async function passSecondStep(person: MfaPerson, kind: Exclude<CodeKind, "either">, rawCode: string, context: RequestContext | null, now = new Date()): Promise<CodeCheck> {
  const check = await checkSecondFactorCode(person, kind, rawCode, context, now);
  if (!check.ok) return check;
  if (!(await completeSecondStep(person.sessionId, person.userId, check.method, context, now))) return { ok: false, code: "wrong" };
  return check;
}
