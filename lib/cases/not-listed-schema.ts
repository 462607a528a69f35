import { z } from "zod";
import { EmailSchema, FirstNameSchema, LastNameSchema, NpiSchema, PhoneSchema, TaxIdSchema } from "@/lib/validation";
import { AddressLine1Schema, AddressLine2Schema, CitySchema, PracticePhoneSchema, StateSchema, ZipSchema } from "@/lib/validation/address";
import { SubmissionIdSchema } from "@/lib/forms/submission-id";

/** The fields of "My provider is not listed", as the form sends them. */
export const NOT_LISTED_FIELDS = [
  "organizationName",
  "taxId",
  "npi",
  "addressLine1",
  "addressLine2",
  "city",
  "state",
  "postalCode",
  "practicePhone",
  "firstName",
  "lastName",
  "email",
  "phone",
  "message",
  "submissionId",
] as const;
export type NotListedField = (typeof NOT_LISTED_FIELDS)[number];

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/**
 * A provider the health plan has no record of (or whose details don't match): enough for a
 * representative to find or add it and call back the person asking, who gives their own name.
 */
export const NotListedSchema = z.object({
  organizationName: z
    .string({ error: "Enter the provider's or organization's name." })
    .trim()
    .min(1, { message: "Enter the provider's or organization's name.", abort: true })
    .max(120, "Use at most 120 characters."),
  taxId: TaxIdSchema,
  npi: z.preprocess(emptyToUndefined, NpiSchema.optional()),
  addressLine1: AddressLine1Schema,
  addressLine2: AddressLine2Schema,
  city: CitySchema,
  state: StateSchema,
  postalCode: ZipSchema,
  practicePhone: PracticePhoneSchema,
  firstName: FirstNameSchema,
  lastName: LastNameSchema,
  email: EmailSchema,
  phone: PhoneSchema,
  message: z
    .string({ error: "Tell us in a few words what you need." })
    .trim()
    .min(1, { message: "Tell us in a few words what you need, for example which provider you bill for.", abort: true })
    .max(2000, "Use at most 2,000 characters."),
  submissionId: SubmissionIdSchema,
});

export type NotListedRequest = z.output<typeof NotListedSchema>;
