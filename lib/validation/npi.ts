import { z } from "zod";

/**
 * NPI check digit: Luhn over the 9 leading digits prefixed with 80840
 * (the ISO card-issuer prefix for US health applications).
 */
export function hasValidNpiCheckDigit(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  return npiCheckDigit(npi.slice(0, 9)) === Number(npi[9]);
}

/** The check digit that completes the 9 leading digits of an NPI. */
export function npiCheckDigit(firstNine: string): number {
  const digits = `80840${firstNine}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    // Double every second digit counting from the right of the payload (the check digit is excluded).
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** The NPI whose 9 leading digits are `firstNine`, completed with its check digit. */
export function npiWithCheckDigit(firstNine: string): string {
  if (!/^\d{9}$/.test(firstNine)) throw new Error(`An NPI's leading digits are 9 digits: ${firstNine}`);
  return `${firstNine}${npiCheckDigit(firstNine)}`;
}

export const NpiSchema = z
  .string({ error: "Enter the NPI." })
  .trim()
  .min(1, { message: "Enter the NPI.", abort: true })
  .transform((value) => value.replace(/[\s-]/g, ""))
  .refine((value) => /^\d{10}$/.test(value), { message: "An NPI is 10 digits.", abort: true })
  .refine(hasValidNpiCheckDigit, {
    message: "That NPI isn't valid: check each digit (the last one is a check digit).",
  });
