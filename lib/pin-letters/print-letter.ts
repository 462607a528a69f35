import { db } from "@/db/client";
import { findAccountContact } from "@/db/queries/accounts";
import { listQueuedLetters, lockQueuedLetter, markLetterPrinted } from "@/db/queries/pin-letters";
import { decryptPin } from "./pin-cipher";
import { renderPinLetter } from "./render-pin-letter";

/**
 * Prints a queued letter: renders it with its PIN one last time and, in the same transaction,
 * marks it printed and discards the sealed PIN, so that from then on the PIN exists only on
 * paper. Null when the letter is not queued (already printed, voided...). The staff console
 * (a later issue) calls this; so do the tests.
 */
export async function printPinLetter(letterId: string, printedByUserId: string | null, now = new Date()): Promise<{ html: string; text: string } | null> {
  return db.transaction(async (tx) => {
    const letter = await lockQueuedLetter(tx, letterId);
    if (!letter?.pinCiphertext) return null;
    const registrant = await findAccountContact(tx, { id: letter.requestedByUserId });
    if (!registrant) return null;
    const rendered = await renderPinLetter({ ...letter, registrant }, decryptPin(letter.pinCiphertext));
    if (!(await markLetterPrinted(tx, letter.id, { now, byUserId: printedByUserId }))) return null;
    return rendered;
  });
}

/**
 * The letters waiting to be printed, rendered with their PINs: only for the development
 * mailbox (the caller checks env().devMailbox), so a registration can be finished locally.
 */
export async function previewQueuedLetters() {
  const letters = await listQueuedLetters(db);
  return Promise.all(
    letters.map(async (letter) => ({
      id: letter.id,
      taxId: letter.taxId,
      address: letter.address,
      registrantName: `${letter.firstName} ${letter.lastName}`,
      letterDate: letter.letterDate,
      ...(await renderPinLetter({ ...letter, registrant: letter }, decryptPin(letter.pinCiphertext ?? ""))),
    })),
  );
}
