import { z } from "zod";
import {
  CheckNumberSchema,
  EmailSchema,
  FirstNameSchema,
  LastNameSchema,
  NpiSchema,
  PasswordSchema,
  PhoneSchema,
  TaxIdSchema,
  VendorNumberSchema,
} from "@/lib/validation";

export const PROOF_OPTIONS = ["vendor", "npi"] as const;
export type ProofOption = (typeof PROOF_OPTIONS)[number];

/** The fields of "Register with a check", as the form sends them. */
export const CHECK_REGISTRATION_FIELDS = [
  "taxId",
  "checkNumber",
  "proof",
  "vendorNumber",
  "npi",
  "firstName",
  "lastName",
  "email",
  "phone",
  "password",
  "submissionId",
] as const;
export type CheckRegistrationField = (typeof CHECK_REGISTRATION_FIELDS)[number];

const optional = z.string().optional().default("");

/**
 * Register with a check: the organization's Tax ID, the check number, and either the vendor
 * number printed on the check or an NPI; then the person's own details.
 */
export const CheckRegistrationSchema = z
  .object({
    taxId: TaxIdSchema,
    checkNumber: CheckNumberSchema,
    proof: z.enum(PROOF_OPTIONS, { error: "Choose whether you will enter the vendor number or an NPI." }),
    vendorNumber: optional,
    npi: optional,
    firstName: FirstNameSchema,
    lastName: LastNameSchema,
    email: EmailSchema,
    phone: PhoneSchema,
    password: PasswordSchema,
    submissionId: z.uuid({ error: "This form has expired. Reload the page and try again." }),
  })
  .transform((value, ctx) => {
    const proofSchema = value.proof === "vendor" ? VendorNumberSchema : NpiSchema;
    const field = value.proof === "vendor" ? "vendorNumber" : "npi";
    const parsed = proofSchema.safeParse(value[field]);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: [field], message: issue.message });
      return z.NEVER;
    }
    return {
      taxId: value.taxId,
      checkNumber: value.checkNumber,
      proof: value.proof === "vendor" ? ({ kind: "vendor", vendorNumber: parsed.data } as const) : ({ kind: "npi", npi: parsed.data } as const),
      firstName: value.firstName,
      lastName: value.lastName,
      email: value.email,
      phone: value.phone,
      password: value.password,
      submissionId: value.submissionId,
    };
  });

export type CheckRegistration = z.output<typeof CheckRegistrationSchema>;
