import { z } from "zod";
import { NpiSchema, TaxIdSchema } from "@/lib/validation";

/** The fields of "Find my delegate", as the form sends them. */
export const FIND_MY_DELEGATE_FIELDS = ["taxId", "npi"] as const;
export type FindMyDelegateField = (typeof FIND_MY_DELEGATE_FIELDS)[number];

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A Tax ID (required) and, if the person knows it, an NPI that bills under it. */
export const FindMyDelegateSchema = z.object({
  taxId: TaxIdSchema,
  npi: z.preprocess(emptyToUndefined, NpiSchema.optional()),
});

export type FindMyDelegateRequest = z.output<typeof FindMyDelegateSchema>;
