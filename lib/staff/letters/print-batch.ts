import "server-only";
import { db } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { printQueuedLetter } from "@/lib/pin-letters/print-letter";
import { letterSheetHtml } from "./letter-sheet";
import { refuseUnlessStaff } from "./staff-actor";

/** The most letters one batch prints (one transaction holds their rows). */
export const MAX_BATCH = 50;

export interface PrintedSheet {
  letterId: string;
  taxId: string;
  organizationName: string;
  registrantName: string;
  /** The letter's content, PIN included: shown once, on the batch's print page, never stored. */
  html: string;
}

export type PrintBatchResult =
  | { ok: true; sheets: PrintedSheet[]; skipped: number }
  | { ok: false; code: "forbidden" | "none_chosen" | "too_many" | "none_printable" };

/**
 * Prints the chosen queued letters in one transaction: each is locked, rendered with its PIN
 * and marked printed with its sealed PIN discarded (printQueuedLetter), so a letter prints once
 * however many representatives press Print at the same moment. Letters that are no longer
 * queued are skipped. The PINs leave this function only inside the returned sheets.
 */
export async function printLetterBatch(actorUserId: string, letterIds: readonly string[], context: RequestContext | null, now = new Date()): Promise<PrintBatchResult> {
  if (await refuseUnlessStaff(actorUserId, "pin_letter.printed", context)) return { ok: false, code: "forbidden" };
  // Sorted, so that two batches sharing letters lock them in the same order (no deadlock).
  const ids = [...new Set(letterIds)].sort();
  if (ids.length === 0) return { ok: false, code: "none_chosen" };
  if (ids.length > MAX_BATCH) return { ok: false, code: "too_many" };

  const printed = await db.transaction(async (tx) => {
    const done = [];
    for (const id of ids) {
      const letter = await printQueuedLetter(tx, id, actorUserId, now);
      if (!letter) continue;
      await recordAudit(tx, context, {
        action: "pin_letter.printed",
        outcome: "success",
        actorUserId,
        subjectUserId: null,
        taxId: letter.letter.taxId,
        details: { letterId: letter.letter.id, batchSize: ids.length },
      });
      done.push(letter);
    }
    return done;
  });
  if (printed.length === 0) return { ok: false, code: "none_printable" };
  // The sheets come out in the queue's order: oldest request first.
  printed.sort((a, b) => a.letter.letterDate.getTime() - b.letter.letterDate.getTime() || a.letter.id.localeCompare(b.letter.id));
  return {
    ok: true,
    skipped: ids.length - printed.length,
    sheets: printed.map((letter) => ({
      letterId: letter.letter.id,
      taxId: letter.letter.taxId,
      organizationName: letter.letter.address.name,
      registrantName: `${letter.registrant.firstName} ${letter.registrant.lastName}`,
      html: letterSheetHtml(letter.html),
    })),
  };
}
