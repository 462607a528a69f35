import type { Executor } from "@/db/client";
import { findNotice } from "@/db/queries/reference";
import { lacksNoticePrefix } from "@/lib/validation";
import { earliestAcceptedIssueDate } from "./verify-check";

export type NoticeVerification =
  | { ok: true; noticeNumber: string; taxId: string; npi: string }
  | { ok: false; reason: "missing_np_prefix" }
  | { ok: false; reason: "no_such_notice" | "tax_id_mismatch" | "npi_mismatch" | "too_old" };

/**
 * A non-payment notice proves that someone works at a practice when a notice with that number
 * was issued to that Tax ID and NPI within the last 12 months. Typed without its "NP", the
 * number is refused, and only when the "NP" version would have matched is the person told
 * exactly that (they have proved the practice; a guess learns nothing).
 */
export async function verifyNotice(executor: Executor, input: { taxId: string; npi: string; noticeNumber: string }, now = new Date()): Promise<NoticeVerification> {
  const withPrefix = lacksNoticePrefix(input.noticeNumber) ? `NP${input.noticeNumber}` : input.noticeNumber;
  const notice = await findNotice(executor, withPrefix);
  if (!notice) return { ok: false, reason: "no_such_notice" };
  if (notice.taxId !== input.taxId) return { ok: false, reason: "tax_id_mismatch" };
  if (notice.npi !== input.npi) return { ok: false, reason: "npi_mismatch" };
  if (notice.noticeDate < earliestAcceptedIssueDate(now)) return { ok: false, reason: "too_old" };
  if (lacksNoticePrefix(input.noticeNumber)) return { ok: false, reason: "missing_np_prefix" };
  return { ok: true, noticeNumber: notice.noticeNumber, taxId: notice.taxId, npi: notice.npi };
}

/** What the portal keeps of a notice as evidence: not the whole number. */
export function noticeEvidence(noticeNumber: string): string {
  return `Non-payment notice ending ${noticeNumber.slice(-4)}`;
}
