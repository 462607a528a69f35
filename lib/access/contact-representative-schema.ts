import { z } from "zod";
import { NpiSchema } from "@/lib/validation/npi";
import { TaxIdSchema } from "@/lib/validation/tax-id";

export const CONTACT_REPRESENTATIVE_FIELDS = ["taxId", "npi", "message", "submissionId"] as const;
export type ContactRepresentativeField = (typeof CONTACT_REPRESENTATIVE_FIELDS)[number];
export const CONTACT_MESSAGE_MAX = 1000;

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** "Contact a representative" about adding a Tax ID: the contact details come from the account, not the form. */
export const ContactRepresentativeSchema = z.object({
  taxId: TaxIdSchema,
  npi: z.preprocess(emptyToUndefined, NpiSchema.optional()),
  message: z
    .string({ error: "Tell us in a few words what you need." })
    .trim()
    .min(1, "Tell us in a few words what you need: which office, and why you have no check or notice.")
    .max(CONTACT_MESSAGE_MAX, `Use at most ${CONTACT_MESSAGE_MAX} characters.`),
  submissionId: z.uuid({ error: "This form has expired. Reload the page and try again." }),
});
export type ContactRepresentativeInput = z.output<typeof ContactRepresentativeSchema>;
