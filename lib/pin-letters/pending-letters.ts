import "server-only";
import { db } from "@/db/client";
import { findLatestLetterForGrant, hasActiveGrant, listPendingPinGrants, MAX_PIN_ATTEMPTS, type PendingPinGrant } from "@/db/queries/pin-letters";
import { lettersLeft } from "./issue-pin-letter";
import { maskedAddress } from "./mask-address";

export type LetterState = "live" | "voided" | "expired" | "none";

/** What the PIN page shows about one pending US Mail grant. */
export interface PendingLetter {
  grantId: string;
  taxId: string;
  organizationName: string;
  /** "Birchwood Clinic, 5•• Birch Ln, Bloomington, MN 55420" */
  maskedAddress: string | null;
  letterDate: Date | null;
  expiresAt: Date | null;
  state: LetterState;
  triesLeft: number;
  /** How many more letters may be asked for in the 30-day window. */
  lettersLeft: number;
}

/**
 * The person's letters waiting for a PIN, and whether they gate the whole portal: they do
 * when pending US Mail grants are all the person has (nothing else is proved yet). `grants`: the
 * person's pending US Mail grants when already read (the portal's layout reads them with the rest
 * of its context); nothing more is read when there are none.
 */
export async function pendingPinLetters(userId: string, options: { grants?: PendingPinGrant[]; now?: Date } = {}): Promise<{ gated: boolean; letters: PendingLetter[] }> {
  const now = options.now ?? new Date();
  const grants = options.grants ?? (await listPendingPinGrants(db, userId));
  if (grants.length === 0) return { gated: false, letters: [] };
  const letters = await Promise.all(
    grants.map(async (grant): Promise<PendingLetter> => {
      const letter = await findLatestLetterForGrant(db, grant.grantId);
      const state: LetterState = !letter
        ? "none"
        : letter.status === "expired" || (letter.status !== "voided" && letter.expiresAt.getTime() <= now.getTime())
          ? "expired"
          : letter.status === "voided"
            ? "voided"
            : "live";
      return {
        grantId: grant.grantId,
        taxId: grant.taxId,
        organizationName: grant.organizationName ?? letter?.address.name ?? "your practice",
        maskedAddress: letter ? maskedAddress(letter.address) : null,
        letterDate: letter?.letterDate ?? null,
        expiresAt: letter?.expiresAt ?? null,
        state,
        triesLeft: letter ? Math.max(0, MAX_PIN_ATTEMPTS - letter.failedAttempts) : 0,
        lettersLeft: await lettersLeft(db, userId, grant.taxId, now),
      };
    }),
  );
  return { gated: !(await hasActiveGrant(db, userId)), letters };
}
