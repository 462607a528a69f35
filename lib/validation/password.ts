import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

let common: Set<string> | undefined;

/** The most common passwords (zxcvbn's list of about 50,000), lowercased. */
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((word) => word.toLowerCase()));
  return common;
}

/** True for the passwords everyone tries first: common ones, and one short unit repeated. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return true;
  return /^(.{1,4})\1+$/u.test(lower);
}

/** NIST SP 800-63B: length limits, no composition rules, common passwords refused. */
export const PasswordSchema = z
  .string({ error: "Choose a password." })
  .min(1, { message: "Choose a password.", abort: true })
  .min(PASSWORD_MIN, { message: `Use at least ${PASSWORD_MIN} characters. A short phrase of a few words is easy to remember.`, abort: true })
  .max(PASSWORD_MAX, { message: `Use at most ${PASSWORD_MAX} characters.`, abort: true })
  .refine((value) => !isCommonPassword(value), {
    message: "That password is too common and easy to guess. Choose another.",
  });
