import { db, type Executor } from "@/db/client";
import { findAccountContact } from "@/db/queries/accounts";
import { listQueuedLetters, lockQueuedLetter, markLetterPrinted } from "@/db/queries/pin-letters";
import { decryptPin } from "./pin-cipher";
import { renderPinLetter } from "./render-pin-letter";

/**
 * Prints a queued letter inside the caller's transaction: renders it with its PIN one last time
 * and marks it printed, discarding the sealed PIN, so that from then on the PIN exists only on
 * paper. The row is locked first, so of two printers at once only one gets the letter. Null
 * when the letter is not queued (already printed, voided...) or has expired. The console prints a batch of
 * these in one transaction.
 */
export async function printQueuedLetter(executor: Executor, letterId: string, printedByUserId: string | null, now = new Date()) {
  const letter = await lockQueuedLetter(executor, letterId);
  // A letter past its 30 days would carry a PIN that no longer works: it is not printed.
  if (!letter?.pinCiphertext || letter.expiresAt.getTime() <= now.getTime()) return null;
  const registrant = await findAccountContact(executor, { id: letter.requestedByUserId });
  if (!registrant) return null;
  const rendered = await renderPinLetter({ ...letter, registrant }, decryptPin(letter.pinCiphertext));
  if (!(await markLetterPrinted(executor, letter.id, { now, byUserId: printedByUserId }))) return null;
  return { ...rendered, letter: { id: letter.id, taxId: letter.taxId, address: letter.address, letterDate: letter.letterDate }, registrant: { firstName: registrant.firstName, lastName: registrant.lastName } };
}

/** One letter printed on its own (its own transaction). */
export async function printPinLetter(letterId: string, printedByUserId: string | null, now = new Date()): Promise<{ html: string; text: string } | null> {
  return db.transaction(async (tx) => {
    const printed = await printQueuedLetter(tx, letterId, printedByUserId, now);
    return printed ? { html: printed.html, text: printed.text } : null;
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
