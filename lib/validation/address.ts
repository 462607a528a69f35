import { z } from "zod";

/** The USPS codes of the states, DC and the territories a practice can be in. */
export const US_STATE_CODES = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI",
  "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
  "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP",
] as const;

function requiredText(missing: string, max: number) {
  return z
    .string({ error: missing })
    .trim()
    .min(1, { message: missing, abort: true })
    .max(max, `Use at most ${max} characters.`);
}

export const AddressLine1Schema = requiredText("Enter the street address.", 100);
export const AddressLine2Schema = z
  .string()
  .trim()
  .max(100, "Use at most 100 characters.")
  .transform((value) => value || null)
  .optional();
export const CitySchema = requiredText("Enter the city.", 60);

export const StateSchema = z
  .string({ error: "Choose the state." })
  .trim()
  .toUpperCase()
  .refine((value) => value.length > 0, { message: "Choose the state.", abort: true })
  .refine((value) => (US_STATE_CODES as readonly string[]).includes(value), { message: "Choose the state from the list." });

/** ZIP or ZIP+4; yields the digits with a dash before the +4. */
export const ZipSchema = z
  .string({ error: "Enter the ZIP code." })
  .trim()
  .min(1, { message: "Enter the ZIP code.", abort: true })
  .refine((value) => /^\d{5}(-?\d{4})?$/.test(value), { message: "Enter a 5-digit ZIP code, like 55401 (or ZIP+4, like 55401-1234)." })
  .transform((value) => (value.length > 5 ? `${value.slice(0, 5)}-${value.replace("-", "").slice(5)}` : value));

/** The practice's phone (not the person's): 10 digits, like PhoneSchema, with its own wording. */
export const PracticePhoneSchema = z
  .string({ error: "Enter the practice's phone number." })
  .trim()
  .min(1, { message: "Enter the practice's phone number.", abort: true })
  .transform((value) => value.replace(/\D/g, "").replace(/^1(?=\d{10}$)/, ""))
  .refine((digits) => /^[2-9]\d{2}[2-9]\d{6}$/.test(digits), { message: "Enter a 10-digit US phone number, like 612-555-0100." });
