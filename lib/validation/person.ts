import { z } from "zod";

export const NAME_MAX = 50;

function nameSchema(label: string) {
  return z
    .string({ error: `Enter your ${label}.` })
    .trim()
    .min(1, { message: `Enter your ${label}.`, abort: true })
    .max(NAME_MAX, `Your ${label} can be at most ${NAME_MAX} characters.`)
    .refine((value) => /^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u.test(value), {
      message: `Your ${label} can contain letters, spaces, hyphens, apostrophes and periods.`,
    });
}

export const FirstNameSchema = nameSchema("first name");
export const LastNameSchema = nameSchema("last name");

export const EmailSchema = z
  .string({ error: "Enter your work email address." })
  .trim()
  .min(1, { message: "Enter your work email address.", abort: true })
  .max(254, "An email address can be at most 254 characters.")
  .toLowerCase()
  .pipe(z.email("Enter an email address like name@example.com."));

/** US phone numbers: 10 digits (an optional leading 1 is dropped); yields the 10 digits. */
export const PhoneSchema = z
  .string({ error: "Enter your work phone number." })
  .trim()
  .min(1, { message: "Enter your work phone number.", abort: true })
  .transform((value) => value.replace(/\D/g, "").replace(/^1(?=\d{10}$)/, ""))
  .refine((digits) => /^[2-9]\d{2}[2-9]\d{6}$/.test(digits), {
    message: "Enter a 10-digit US phone number, like 612-555-0100.",
  });

export function formatPhone(digits: string): string {
  return digits.length === 10 ? `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}` : digits;
}
