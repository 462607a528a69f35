import { z } from "zod";
import { CheckNumberSchema, NpiSchema, TaxIdSchema, VendorNumberSchema } from "@/lib/validation";
import { REGISTRANT_FIELDS, refineRegistrant, registrantFrom, registrantShape } from "./answers-schema";

export const PROOF_OPTIONS = ["vendor", "npi"] as const;
export type ProofOption = (typeof PROOF_OPTIONS)[number];

/** The fields of "Register with a check", as the form sends them. */
export const CHECK_REGISTRATION_FIELDS = [
  "taxId",
  "checkNumber",
  "proof",
  "vendorNumber",
  "npi",
  ...REGISTRANT_FIELDS,
] as const;
export type CheckRegistrationField = (typeof CHECK_REGISTRATION_FIELDS)[number];

/** What every way of proving the check has in common. */
const common = {
  taxId: TaxIdSchema,
  checkNumber: CheckNumberSchema,
  ...registrantShape,
};

/**
 * Register with a check: the organization's Tax ID, the check number, and either the vendor
 * number printed on the check or an NPI; then the person's own details. A discriminated union
 * on `proof`, so that every field's errors are reported together, whichever proof is chosen.
 */
export const CheckRegistrationSchema = z
  .discriminatedUnion(
    "proof",
    [
      z.object({ ...common, proof: z.literal("vendor"), vendorNumber: VendorNumberSchema }),
      z.object({ ...common, proof: z.literal("npi"), npi: NpiSchema }),
    ],
    { error: "Choose whether you will enter the vendor number or an NPI." },
  )
  .superRefine(refineRegistrant)
  .transform(({ proof, ...value }) => ({
    taxId: value.taxId,
    checkNumber: value.checkNumber,
    proof: "vendorNumber" in value ? ({ kind: "vendor", vendorNumber: value.vendorNumber } as const) : ({ kind: "npi", npi: value.npi } as const),
    ...registrantFrom(value),
  }));

export type CheckRegistration = z.output<typeof CheckRegistrationSchema>;
