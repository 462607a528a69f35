import "server-only";
import { db } from "@/db/client";
import { countLettersByStatus, listLetterQueue, PIN_LETTER_STATUSES, type PinLetterStatus } from "@/db/queries/pin-letters";
import { isActiveStaff } from "./staff-actor";

export { PIN_LETTER_STATUSES, type PinLetterStatus };

export function parseLetterStatus(value: unknown): PinLetterStatus | null {
  return typeof value === "string" && (PIN_LETTER_STATUSES as readonly string[]).includes(value) ? (value as PinLetterStatus) : null;
}

export type LetterQueueResult =
  | { ok: true; letters: Awaited<ReturnType<typeof listLetterQueue>>; counts: Partial<Record<PinLetterStatus, number>> }
  | { ok: false; code: "forbidden" };

/** The console's letter queue (no PINs in it), optionally of one status. Staff only. */
export async function letterQueue(actorUserId: string, status: PinLetterStatus | null, now = new Date()): Promise<LetterQueueResult> {
  if (!(await isActiveStaff(db, actorUserId))) return { ok: false, code: "forbidden" };
  const [letters, counts] = await Promise.all([listLetterQueue(db, { status, now }), countLettersByStatus(db, now)]);
  return { ok: true, letters, counts };
}
