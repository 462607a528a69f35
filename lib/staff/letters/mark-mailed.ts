import "server-only";
import { db } from "@/db/client";
import { markLetterMailed } from "@/db/queries/pin-letters";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { MAX_BATCH } from "./print-batch";
import { refuseUnlessStaff } from "./staff-actor";

export type MarkMailedResult = { ok: true; mailed: number; skipped: number } | { ok: false; code: "forbidden" | "none_chosen" | "too_many" };

/**
 * Records that printed letters went into the post today (one letter, or a printed batch), in
 * one transaction. Letters not printed (or already mailed) are skipped and counted.
 */
export async function markLettersMailed(actorUserId: string, letterIds: readonly string[], context: RequestContext | null, now = new Date()): Promise<MarkMailedResult> {
  if (await refuseUnlessStaff(actorUserId, "pin_letter.mailed", context)) return { ok: false, code: "forbidden" };
  const ids = [...new Set(letterIds)].sort();
  if (ids.length === 0) return { ok: false, code: "none_chosen" };
  if (ids.length > MAX_BATCH) return { ok: false, code: "too_many" };
  const mailed = await db.transaction(async (tx) => {
    let count = 0;
    for (const id of ids) {
      const letter = await markLetterMailed(tx, id, { now, byUserId: actorUserId });
      if (!letter) continue;
      await recordAudit(tx, context, { action: "pin_letter.mailed", outcome: "success", actorUserId, taxId: letter.taxId, details: { letterId: letter.id } });
      count += 1;
    }
    return count;
  });
  return { ok: true, mailed, skipped: ids.length - mailed };
}
