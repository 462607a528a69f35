import { randomUUID } from "node:crypto";
import { NotListedSchema, type NotListedRequest } from "@/lib/cases/not-listed-schema";
import { uniqueEmail } from "./check-registration";

export type NotListedInput = Record<"organizationName" | "taxId" | "npi" | "addressLine1" | "addressLine2" | "city" | "state" | "postalCode" | "practicePhone" | "firstName" | "lastName" | "email" | "phone" | "message" | "submissionId", string>;

/** Maple Grove Family Medicine: a Tax ID the health plan has no record of. */
export function mapleGroveInput(overrides: Partial<NotListedInput> = {}): NotListedInput {
  return {
    organizationName: "Maple Grove Family Medicine",
    taxId: "41-7654321",
    npi: "",
    addressLine1: "700 Maple Ave",
    addressLine2: "Suite 200",
    city: "Maple Grove",
    state: "mn",
    postalCode: "55369",
    practicePhone: "763-555-0100",
    firstName: "Jamie",
    lastName: "Fox",
    email: uniqueEmail("Jamie.Fox", "MapleGrove.Example"),
    phone: "763-555-0111",
    message: "We opened in March and bill under this Tax ID.",
    submissionId: randomUUID(),
    ...overrides,
  };
}

export const mapleGrove = (overrides: Partial<NotListedInput> = {}): NotListedRequest => NotListedSchema.parse(mapleGroveInput(overrides));
