import { z } from "zod";
import { TaxIdSchema } from "@/lib/validation";
import { AddressLine1Schema, AddressLine2Schema, CitySchema, StateSchema, ZipSchema } from "@/lib/validation/address";
import { REGISTRANT_FIELDS, refineRegistrant, registrantFrom, registrantShape } from "@/lib/registration/answers-schema";

/** The FAQ's answer, word for word: a billing organization registers with its own Tax ID. */
export const PROVIDER_TAX_ID_REFUSAL =
  "You need to use the tax ID for your billing organization. You will be able to add the provider's tax ID after creating your account.";

/** The fields of "Register a billing organization", as the form sends them. */
export const BILLING_REGISTRATION_FIELDS = [
  "organizationName",
  "taxId",
  "addressLine1",
  "addressLine2",
  "city",
  "state",
  "postalCode",
  ...REGISTRANT_FIELDS,
] as const;
export type BillingRegistrationField = (typeof BILLING_REGISTRATION_FIELDS)[number];

/**
 * A billing organization registers with its own name, its own Tax ID and its address, then the
 * registrant's own details (the same rules as a provider's registrant).
 */
export const BillingRegistrationSchema = z
  .object({
    organizationName: z
      .string({ error: "Enter your billing organization's name." })
      .trim()
      .min(1, { message: "Enter your billing organization's name.", abort: true })
      .max(120, "Use at most 120 characters."),
    taxId: TaxIdSchema,
    addressLine1: AddressLine1Schema,
    addressLine2: AddressLine2Schema,
    city: CitySchema,
    state: StateSchema,
    postalCode: ZipSchema,
    ...registrantShape,
  })
  .superRefine(refineRegistrant)
  .transform((value) => ({
    taxId: value.taxId,
    organization: {
      name: value.organizationName,
      address: { addressLine1: value.addressLine1, addressLine2: value.addressLine2 ?? null, city: value.city, state: value.state, postalCode: value.postalCode },
    },
    ...registrantFrom(value),
  }));

export type BillingRegistration = z.output<typeof BillingRegistrationSchema>;
