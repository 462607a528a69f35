import { z } from "zod";

/** EIN prefixes the IRS has never assigned. */
const INVALID_EIN_PREFIXES = new Set(["00", "07", "08", "09", "17", "18", "19", "28", "29", "49", "69", "70", "78", "79", "89", "96", "97"]);

/** Whether 9 digits start with a prefix the IRS assigns to EINs. */
export function hasValidTaxIdPrefix(digits: string): boolean {
  return !INVALID_EIN_PREFIXES.has(digits.slice(0, 2));
}

export const TAX_ID_HINT = "9 digits, like 41-1234567";

/** Accepts `41-1234567` or `411234567`; yields the 9 digits. */
export const TaxIdSchema = z
  .string({ error: "Enter your organization's Tax ID." })
  .trim()
  .min(1, { message: "Enter your organization's Tax ID.", abort: true })
  .refine((value) => /^\d{2}-?\d{7}$/.test(value.replace(/\s+/g, "")), {
    message: "Enter the Tax ID as 9 digits, like 41-1234567.",
    abort: true,
  })
  .transform((value) => value.replace(/[\s-]/g, ""))
  .refine(hasValidTaxIdPrefix, {
    message: "That isn't a valid Tax ID: check the first two digits.",
  });

export function formatTaxId(digits: string): string {
  return digits.length === 9 ? `${digits.slice(0, 2)}-${digits.slice(2)}` : digits;
}
