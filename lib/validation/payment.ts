import { z } from "zod";

/** Check numbers as printed, optionally with a leading "#"; 4 to 12 digits. */
export const CheckNumberSchema = z
  .string({ error: "Enter the check number." })
  .trim()
  .min(1, { message: "Enter the check number.", abort: true })
  .transform((value) => value.replace(/^#/, "").replace(/[\s-]/g, ""))
  .refine((value) => /^\d{4,12}$/.test(value), {
    message: "Enter the check number as printed on the check: 4 to 12 digits.",
  });

/** Vendor numbers as printed on the check; 4 to 12 digits. */
export const VendorNumberSchema = z
  .string({ error: "Enter the vendor number." })
  .trim()
  .min(1, { message: "Enter the vendor number.", abort: true })
  .transform((value) => value.replace(/[\s-]/g, ""))
  .refine((value) => /^\d{4,12}$/.test(value), {
    message: "Enter the vendor number as printed on the check: 4 to 12 digits.",
  });

/**
 * Non-payment notice numbers as printed, with their "NP" prefix (e.g. NP4400123); case, spaces
 * and dashes don't matter. The digits alone pass here so that verification can say exactly
 * "Include the NP in front of the number" when they would have matched.
 */
export const NoticeNumberSchema = z
  .string({ error: "Enter the number on the non-payment notice." })
  .trim()
  .min(1, { message: "Enter the number on the non-payment notice.", abort: true })
  .transform((value) => value.replace(/[\s-]+/g, "").toUpperCase())
  .refine((value) => /^(NP)?\d{4,12}$/.test(value), {
    message: 'Enter the notice number with its "NP" in front, like NP4400123.',
  });

/** True when a notice number was typed without its "NP". */
export function lacksNoticePrefix(noticeNumber: string): boolean {
  return !noticeNumber.startsWith("NP");
}
