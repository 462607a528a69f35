import { db } from "@/db/client";
import { findLiveGrant, insertGrant } from "@/db/queries/access";
import { findLatestLetterForGrant, lockPendingPinGrant } from "@/db/queries/pin-letters";
import { findProviderTaxId, npiBillsUnderTaxId } from "@/db/queries/reference";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { consumeLimit } from "@/lib/rate-limit";
import { letterAddressOf, letterExpiry, lettersLeft, queuePinLetter, sealNewPin } from "./issue-pin-letter";

export type NewLetterResult =
  | { ok: true; grantId: string; expiresAt: Date }
  | { ok: false; code: "not_found" | "limit_reached" };

/**
 * A new letter for a pending US Mail grant (the last one was voided, expired, or never came):
 * at most LETTERS_PER_WINDOW per person and Tax ID in 30 days. The old letter stops working;
 * the wrong-PIN count of the account is not reset. The grant row is locked so that two
 * clicks can't both pass the count.
 */
export async function requestNewPinLetter(userId: string, grantId: string, context: RequestContext, now = new Date()): Promise<NewLetterResult> {
  const sealed = await sealNewPin();
  const result = await db.transaction(async (tx): Promise<NewLetterResult> => {
    const grant = await lockPendingPinGrant(tx, grantId, userId);
    if (!grant) return { ok: false, code: "not_found" };
    if ((await lettersLeft(tx, userId, grant.taxId, now)) === 0) return { ok: false, code: "limit_reached" };
    const record = await findProviderTaxId(tx, grant.taxId);
    if (!record) return { ok: false, code: "not_found" };
    const previous = await findLatestLetterForGrant(tx, grant.id);
    const queued = await queuePinLetter(
      tx,
      { userId, taxId: grant.taxId, grantId: grant.id, address: letterAddressOf(record), sealed, departed: previous?.departedDelegateClaim ?? null, now },
      context,
    );
    return { ok: true, grantId: grant.id, expiresAt: queued.expiresAt };
  });
  if (!result.ok && result.code === "limit_reached") {
    await recordAudit(db, context, { action: "pin_letter.requested", outcome: "denied", actorUserId: userId, reason: "letter_limit" });
  }
  return result;
}

export type AddTaxIdByMailResult =
  | { ok: true; grantId: string; expiresAt: Date }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number }
  | { ok: false; code: "not_listed" | "npi_not_on_tax_id" | "already_active" | "already_pending" | "limit_reached" };

/**
 * For a signed-in account that wants another Tax ID by mail: a pending grant and a letter to
 * that Tax ID's address of record. The account keeps using its other Tax IDs meanwhile.
 */
export async function requestPinLetterForTaxId(
  userId: string,
  input: { taxId: string; npi?: string | null },
  context: RequestContext,
  now = new Date(),
): Promise<AddTaxIdByMailResult> {
  const lookup = await consumeLimit("registryLookupByClient", context.clientAddress);
  if (lookup.blocked) return { ok: false, code: "rate_limited", retryAfterSeconds: lookup.retryAfterSeconds };
  const record = await findProviderTaxId(db, input.taxId);
  if (!record) return { ok: false, code: "not_listed" };
  if (input.npi && !(await npiBillsUnderTaxId(db, input.npi, input.taxId))) return { ok: false, code: "npi_not_on_tax_id" };
  const live = await findLiveGrant(db, userId, input.taxId);
  if (live) return { ok: false, code: live.status === "active" ? "already_active" : "already_pending" };

  const sealed = await sealNewPin();
  return db.transaction(async (tx): Promise<AddTaxIdByMailResult> => {
    if ((await lettersLeft(tx, userId, input.taxId, now)) === 0) return { ok: false, code: "limit_reached" };
    const grant = await insertGrant(tx, { userId, taxId: input.taxId, method: "us_mail_pin", status: "pending", expiresAt: letterExpiry(now), now });
    // The partial unique index settles a double click: the second finds the first's grant.
    if (!grant) return { ok: false, code: "already_pending" };
    const queued = await queuePinLetter(tx, { userId, taxId: input.taxId, grantId: grant.id, address: letterAddressOf(record), sealed, departed: null, now }, context);
    return { ok: true, grantId: grant.id, expiresAt: queued.expiresAt };
  });
}
