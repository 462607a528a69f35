import { z } from "zod";
import { hasValidNpiCheckDigit, TaxIdSchema } from "@/lib/validation";

/** The fields of "Request access to a provider", as the form sends them. */
export const REQUEST_ACCESS_FIELDS = ["providerTaxId", "npis", "contactName", "contactEmail"] as const;
export type RequestAccessField = (typeof REQUEST_ACCESS_FIELDS)[number];

/** At most this many NPIs in one request (ask for the whole Tax ID beyond that). */
export const MAX_REQUESTED_NPIS = 50;

/**
 * NPIs typed as a list ("1450239870, 1234567893" or one per line); empty means the whole Tax ID.
 * Every NPI is checked, and a wrong one is named, so the person knows which to fix.
 */
export const RequestedNpisSchema = z
  .string()
  .optional()
  .transform((value, context) => {
    const items = [...new Set((value ?? "").split(/[\s,;]+/).map((item) => item.replace(/-/g, "")).filter(Boolean))];
    if (items.length === 0) return null;
    if (items.length > MAX_REQUESTED_NPIS) {
      context.addIssue({ code: "custom", message: `List at most ${MAX_REQUESTED_NPIS} NPIs, or leave this empty to ask for every NPI under the Tax ID.` });
      return z.NEVER;
    }
    const wrong = items.filter((item) => !/^\d{10}$/.test(item) || !hasValidNpiCheckDigit(item));
    if (wrong.length > 0) {
      context.addIssue({ code: "custom", message: `${wrong.join(", ")} ${wrong.length > 1 ? "aren't valid NPIs" : "isn't a valid NPI"}: an NPI is 10 digits. Check each digit, or leave this empty.` });
      return z.NEVER;
    }
    return items.sort();
  });

/**
 * A billing user asks a provider for access: the provider's Tax ID, optionally some of its NPIs,
 * and the contact at the provider's office who will approve (one of its delegates).
 */
export const RequestAccessSchema = z.object({
  providerTaxId: TaxIdSchema,
  npis: RequestedNpisSchema,
  contactName: z
    .string({ error: "Enter the name of your contact at the provider's office." })
    .trim()
    .min(1, { message: "Enter the name of your contact at the provider's office.", abort: true })
    .max(100, "Use at most 100 characters."),
  contactEmail: z
    .string({ error: "Enter your contact's email address." })
    .trim()
    .min(1, { message: "Enter your contact's email address.", abort: true })
    .max(254, "An email address can be at most 254 characters.")
    .toLowerCase()
    .pipe(z.email("Enter an email address like name@example.com.")),
});

export type AccessRequestInput = z.output<typeof RequestAccessSchema>;
