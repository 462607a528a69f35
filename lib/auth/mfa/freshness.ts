import "server-only";
import type { RequestContext } from "@/lib/client-context";
import { completeSecondStep } from "../second-step";
import { checkSecondFactorCode } from "./check-code";
import type { MfaPerson } from "./person";
import { isFreshSecondStep } from "./policy";

export type FreshnessRefusal = { ok: false; code: "code_needed" } | { ok: false; code: "wrong" } | { ok: false; code: "rate_limited"; retryAfterSeconds: number };

/**
 * Turning a factor off needs a second step passed in the last 10 minutes. When the session's is
 * older, the page asks for a code again: a right one (authenticator or recovery code) renews the
 * session's second step and lets the change go ahead.
 */
export async function ensureFreshSecondStep(person: MfaPerson, code: string | undefined, context: RequestContext | null, now = new Date()): Promise<{ ok: true } | FreshnessRefusal> {
  if (isFreshSecondStep(person.mfaVerifiedAt, now)) return { ok: true };
  if (!code || !code.trim()) return { ok: false, code: "code_needed" };
  const check = await checkSecondFactorCode(person, "either", code, context, now);
  if (!check.ok) return check;
  await completeSecondStep(person.sessionId, person.userId, check.method, context, now);
  return { ok: true };
}
