import "server-only";
import { db, type Executor } from "@/db/client";
import { factorSummary, insertRecoveryCodes, revokeRecoveryCodes } from "@/db/queries/mfa";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { queueSecurityNotice } from "../security-notice";
import { ensureFreshSecondStep, type FreshnessRefusal } from "./freshness";
import type { MfaPerson } from "./person";
import { hasSecondFactor } from "./policy";
import { newRecoveryCodeSet } from "./recovery-codes";

/**
 * A new set of 10 recovery codes for the account, inside the caller's transaction: the old set
 * stops working. Returns the codes in plain text, to show once; only their HMACs are stored.
 * (Called when a first factor is set up, by the authenticator's and the passkeys' enrollment.)
 */
export async function issueRecoveryCodes(executor: Executor, userId: string, context: RequestContext | null, now = new Date()): Promise<string[]> {
  const revoked = await revokeRecoveryCodes(executor, userId, now);
  const { codes, hashes } = newRecoveryCodeSet();
  await insertRecoveryCodes(executor, userId, hashes, now);
  await recordAudit(executor, context, { action: "mfa.recovery_codes_created", outcome: "success", actorUserId: userId, details: { count: codes.length, revoked } });
  return codes;
}

export type NewRecoveryCodesResult = { ok: true; codes: string[] } | { ok: false; code: "no_factor" } | FreshnessRefusal;

/**
 * "Make new codes": needs a second step passed in the last 10 minutes (else a code, given as
 * `code`), and a factor on the account. Emails the person.
 */
export async function makeNewRecoveryCodes(person: MfaPerson, code: string | undefined, context: RequestContext | null, now = new Date()): Promise<NewRecoveryCodesResult> {
  if (!hasSecondFactor(await factorSummary(db, person.userId))) return { ok: false, code: "no_factor" };
  const fresh = await ensureFreshSecondStep(person, code, context, now);
  if (!fresh.ok) return fresh;
  const codes = await db.transaction(async (tx) => {
    const issued = await issueRecoveryCodes(tx, person.userId, context, now);
    await queueSecurityNotice(tx, person, "New recovery codes were made for your account; the old ones no longer work.", context, { now, accountPath: "/account/security" });
    return issued;
  });
  return { ok: true, codes };
}
