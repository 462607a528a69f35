import { z } from "zod";
import { NpiSchema, TaxIdSchema } from "@/lib/validation";
import { REGISTRANT_FIELDS, refineRegistrant, registrantFrom, registrantShape } from "./answers-schema";

/** The fields of "Register with US Mail", as the form sends them. */
export const MAIL_REGISTRATION_FIELDS = ["taxId", "npi", ...REGISTRANT_FIELDS] as const;
export type MailRegistrationField = (typeof MAIL_REGISTRATION_FIELDS)[number];

const optionalNpi = z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), NpiSchema.optional());

/** Register with US Mail: the Tax ID (an NPI if they have one), then the person's own details. */
export const MailRegistrationSchema = z
  .object({
    taxId: TaxIdSchema,
    npi: optionalNpi,
    ...registrantShape,
  })
  .superRefine(refineRegistrant)
  .transform((value) => ({
    taxId: value.taxId,
    npi: value.npi ?? null,
    ...registrantFrom(value),
  }));

export type MailRegistration = z.output<typeof MailRegistrationSchema>;

/** The Tax ID (and NPI) of "Add a Tax ID by mail" for a signed-in account. */
export const AddTaxIdByMailSchema = z.object({ taxId: TaxIdSchema, npi: optionalNpi });
export const ADD_TAX_ID_BY_MAIL_FIELDS = ["taxId", "npi"] as const;
