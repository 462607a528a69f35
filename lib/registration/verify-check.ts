import type { Executor } from "@/db/client";
import { findCheck } from "@/db/queries/reference";

export const CHECK_MAX_AGE_MONTHS = 12;

export type CheckProof = { kind: "vendor"; vendorNumber: string } | { kind: "npi"; npi: string };

export type CheckVerification =
  | { ok: true; checkNumber: string; taxId: string; npi: string }
  | { ok: false; reason: "no_such_check" | "tax_id_mismatch" | "too_old" | "vendor_mismatch" | "npi_mismatch" };

/** The earliest date (YYYY-MM-DD) a check or notice can bear and still prove a registration today. */
export function earliestAcceptedIssueDate(now: Date): string {
  const earliest = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - CHECK_MAX_AGE_MONTHS, now.getUTCDate()));
  return earliest.toISOString().slice(0, 10);
}

/**
 * A check proves that someone works at a practice when a check with that number was issued
 * to that Tax ID within the last 12 months and the vendor number (or NPI) matches it. The
 * reason for a failure goes to the audit log only: the person is never told which value was wrong.
 */
export async function verifyCheck(executor: Executor, input: { taxId: string; checkNumber: string; proof: CheckProof }, now = new Date()): Promise<CheckVerification> {
  const check = await findCheck(executor, input.checkNumber);
  if (!check) return { ok: false, reason: "no_such_check" };
  if (check.taxId !== input.taxId) return { ok: false, reason: "tax_id_mismatch" };
  if (check.issuedOn < earliestAcceptedIssueDate(now)) return { ok: false, reason: "too_old" };
  if (input.proof.kind === "vendor" && check.vendorNumber !== input.proof.vendorNumber) return { ok: false, reason: "vendor_mismatch" };
  if (input.proof.kind === "npi" && check.npi !== input.proof.npi) return { ok: false, reason: "npi_mismatch" };
  return { ok: true, checkNumber: check.checkNumber, taxId: check.taxId, npi: check.npi };
}
