import type { PrintedSheet } from "@/lib/staff/letters/print-batch";

/**
 * What the letters form gets back. A printed batch carries its sheets (PINs included) in this
 * answer only: nothing keeps them, so reloading the page shows the queue, not the PINs.
 */
export interface LettersState {
  ok: boolean;
  message?: string;
  batch?: { id: string; sheets: PrintedSheet[]; skipped: number };
}

export const initialLettersState: LettersState = { ok: false };
