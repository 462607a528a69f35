import type { PinLetterStatus } from "@/lib/staff/letters/letter-queue";

/** A queue row as the browser gets it: formatted, and nothing secret. */
export interface LetterRow {
  id: string;
  organizationName: string;
  taxId: string;
  addressLines: string[];
  requestedBy: string;
  requesterEmail: string;
  requestedOn: string;
  status: PinLetterStatus;
  /** e.g. "Printed Nov 27, 2026" */
  statusNote: string | null;
}

export const STATUS_LABELS: Record<PinLetterStatus, string> = {
  queued: "Queued",
  printed: "Printed",
  mailed: "Mailed",
  redeemed: "Redeemed",
  voided: "Voided",
  expired: "Expired",
};
