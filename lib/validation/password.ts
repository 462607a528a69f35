import { z } from "zod";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/**
 * The same text typed on another device (a ligature, full-width digits, a composed accent)
 * becomes the same password: NFKC before hashing, before verifying and before judging strength.
 */
export function normalizePassword(password: string): string {
  return password.normalize("NFKC");
}

/**
 * NIST SP 800-63B: length limits, no composition rules. This part is safe for the browser; how
 * easy a password is to guess is judged on the server only (password-strength.ts: its
 * dictionaries are too large to ship), by refinePasswordStrength on the form's schema.
 */
export const PasswordSchema = z
  .string({ error: "Choose a password." })
  .min(1, { message: "Choose a password.", abort: true })
  .refine((value) => normalizePassword(value).length >= PASSWORD_MIN, {
    message: `Use at least ${PASSWORD_MIN} characters. A short phrase of a few words is easy to remember.`,
    abort: true,
  })
  .refine((value) => normalizePassword(value).length <= PASSWORD_MAX, { message: `Use at most ${PASSWORD_MAX} characters.`, abort: true });
