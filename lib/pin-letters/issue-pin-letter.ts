import type { Executor } from "@/db/client";
import { countLettersSince, insertPinLetter, setPendingGrantExpiry, voidLiveLetters } from "@/db/queries/pin-letters";
import type { DepartedDelegateClaim, LetterAddress } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import type { RequestContext } from "@/lib/client-context";
import { generatePin } from "./generate-pin";
import { encryptPin } from "./pin-cipher";

export const PIN_VALID_DAYS = 30;
/** Letters one person may ask for for one Tax ID in LETTER_WINDOW_DAYS. */
export const LETTERS_PER_WINDOW = 3;
export const LETTER_WINDOW_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

export function letterExpiry(letterDate: Date): Date {
  return new Date(letterDate.getTime() + PIN_VALID_DAYS * DAY_MS);
}

export function letterWindowStart(now: Date): Date {
  return new Date(now.getTime() - LETTER_WINDOW_DAYS * DAY_MS);
}

export interface SealedPin {
  pinHash: string;
  pinCiphertext: string;
}

/** A new PIN, hashed (slow, so before any transaction opens) and sealed for the printer. */
export async function sealNewPin(): Promise<SealedPin> {
  const pin = generatePin();
  return { pinHash: await hashPassword(pin), pinCiphertext: encryptPin(pin) };
}

/** The address of record of a Tax ID, copied onto the letter. */
export function letterAddressOf(record: { legalName: string; addressLine1: string; addressLine2: string | null; city: string; state: string; postalCode: string }): LetterAddress {
  return { name: record.legalName, addressLine1: record.addressLine1, addressLine2: record.addressLine2, city: record.city, state: record.state, postalCode: record.postalCode };
}

/** Whether the person may ask for one more letter for this Tax ID (count inside the caller's transaction). */
export async function lettersLeft(executor: Executor, userId: string, taxId: string, now: Date): Promise<number> {
  return Math.max(0, LETTERS_PER_WINDOW - (await countLettersSince(executor, userId, taxId, letterWindowStart(now))));
}

/**
 * Queues a letter for a pending grant inside the caller's transaction: any live letter of the
 * person for that Tax ID is voided first (only the newest PIN works), and the grant waits
 * until the new letter expires.
 */
export async function queuePinLetter(
  executor: Executor,
  values: { userId: string; taxId: string; grantId: string; address: LetterAddress; sealed: SealedPin; departed: DepartedDelegateClaim | null; now: Date },
  context: RequestContext | null,
): Promise<{ letterId: string; expiresAt: Date }> {
  const { userId, taxId, now } = values;
  const replaced = await voidLiveLetters(executor, userId, taxId, { now, reason: "replaced" });
  for (const letterId of replaced) {
    await recordAudit(executor, context, { action: "pin_letter.voided", outcome: "success", actorUserId: userId, taxId, reason: "replaced", details: { letterId } });
  }
  const expiresAt = letterExpiry(now);
  const letter = await insertPinLetter(executor, {
    taxId,
    requestedByUserId: userId,
    grantId: values.grantId,
    address: values.address,
    pinHash: values.sealed.pinHash,
    pinCiphertext: values.sealed.pinCiphertext,
    letterDate: now,
    expiresAt,
    departedDelegateClaim: values.departed,
  });
  await setPendingGrantExpiry(executor, values.grantId, expiresAt);
  await recordAudit(executor, context, {
    action: "pin_letter.requested",
    outcome: "success",
    actorUserId: userId,
    taxId,
    details: { letterId: letter.id, replaced: replaced.length, departedClaim: Boolean(values.departed) },
  });
  return { letterId: letter.id, expiresAt };
}
