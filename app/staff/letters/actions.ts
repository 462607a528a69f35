"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/dal";
import { log } from "@/lib/log.mjs";
import { requestContext } from "@/lib/request-context";
import { markLettersMailed } from "@/lib/staff/letters/mark-mailed";
import { MAX_BATCH, printLetterBatch } from "@/lib/staff/letters/print-batch";
import type { LettersState } from "./letters-state";

const LetterIds = z.array(z.uuid()).max(MAX_BATCH);

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/**
 * The queue's one form: "Print batch" (the ticked letters), "Mark mailed" on a printed letter,
 * or "Mark these letters mailed" under a printed batch. Not validatedAction: the ticked letters
 * are many values of one field (getAll), which that helper does not read.
 */
export async function lettersAction(_previous: LettersState, formData: FormData): Promise<LettersState> {
  const user = await requireStaff("/staff/letters");
  if (!(formData instanceof FormData)) return { ok: false, message: "We couldn't read this form. Reload the page and try again: nothing was changed." };
  const context = await requestContext();
  const mailOne = formData.get("mailOne");
  const intent = typeof mailOne === "string" ? "mailOne" : formData.get("intent");
  const ids = LetterIds.safeParse(intent === "mailOne" ? [mailOne] : formData.getAll(intent === "mailBatch" ? "batchLetterId" : "letterId"));
  if (!ids.success) return { ok: false, message: `Choose between 1 and ${MAX_BATCH} letters from the list.` };
  try {
    if (intent === "print") {
      const result = await printLetterBatch(user.userId, ids.data, context);
      revalidatePath("/staff/letters");
      if (result.ok) return { ok: true, batch: { id: randomUUID(), sheets: result.sheets, skipped: result.skipped } };
      if (result.code === "none_chosen") return { ok: false, message: "Tick the letters to print first (or “Select all queued letters”)." };
      if (result.code === "none_printable") return { ok: false, message: "None of these letters can be printed any more: someone else printed them, or they were voided or expired. The list is up to date now." };
      return { ok: false, message: `Print at most ${MAX_BATCH} letters at a time.` };
    }
    if (intent === "mailOne" || intent === "mailBatch") {
      const result = await markLettersMailed(user.userId, ids.data, context);
      revalidatePath("/staff/letters");
      if (!result.ok) return { ok: false, message: `Choose between 1 and ${MAX_BATCH} printed letters.` };
      if (result.mailed === 0) return { ok: false, message: "Nothing was marked mailed: the letter is not printed, or it was already marked mailed." };
      const skipped = result.skipped > 0 ? ` ${plural(result.skipped, "letter")} had already been marked mailed or was not printed.` : "";
      return { ok: true, message: `${plural(result.mailed, "letter")} marked mailed today.${skipped}` };
    }
    return { ok: false, message: "We couldn't tell what to do. Reload the page and try again." };
  } catch (error) {
    unstable_rethrow(error);
    log.error({ module: "action", reqId: context.requestId, err: error }, "a staff letters action failed");
    return { ok: false, message: `Something went wrong on our side and nothing was changed. Please try again. (Reference ${context.requestId.slice(0, 8)})` };
  }
}
