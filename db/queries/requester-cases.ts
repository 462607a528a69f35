import { desc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { cases } from "../schema";

/**
 * The cases a person opened while signed in (theirs only: by requesterUserId), newest first,
 * with what their list shows. Kept apart from cases.ts, which the console's queries share.
 */
export async function listCasesOfRequester(executor: Executor, requesterUserId: string, limit = 50) {
  return executor
    .select({ number: cases.number, type: cases.type, status: cases.status, taxId: cases.taxId, details: cases.details, createdAt: cases.createdAt, updatedAt: cases.updatedAt })
    .from(cases)
    .where(eq(cases.requesterUserId, requesterUserId))
    .orderBy(desc(cases.createdAt), desc(cases.number))
    .limit(limit);
}
