import { randomUUID } from "node:crypto";
import { CheckRegistrationSchema, type CheckRegistration } from "@/lib/registration/check-registration-schema";

/** The registration form's fields as the browser sends them (all strings). */
export type CheckRegistrationInput = {
  taxId: string;
  checkNumber: string;
  proof: string;
  vendorNumber: string;
  npi: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  password: string;
  submissionId: string;
  departedReason?: string;
  departedNote?: string;
  confirmOwnName?: string;
};

/** A fresh address each time, in mixed case so that tests see it lowercased on the way in. */
export function uniqueEmail(name = "Jordan.Lee", domain = "Example.org"): string {
  return `${name}+${randomUUID().slice(0, 8)}@${domain}`;
}

/** Lakeside Family Clinic, proved with check #7001001 and its vendor number (demo data). */
export function lakesideByVendorInput(overrides: Partial<CheckRegistrationInput> = {}): CheckRegistrationInput {
  return {
    taxId: "41-1234567",
    checkNumber: "7001001",
    proof: "vendor",
    vendorNumber: "100234",
    npi: "",
    firstName: "Jordan",
    lastName: "Lee",
    email: uniqueEmail("Jordan.Lee", "Lakeside.Example"),
    phone: "(612) 555-0101",
    password: "lakeside clinic front desk",
    submissionId: randomUUID(),
    ...overrides,
  };
}

/** Riverbend Orthopedics, proved with check #7001003 and the NPI on it (demo data). */
export function riverbendByNpiInput(overrides: Partial<CheckRegistrationInput> = {}): CheckRegistrationInput {
  return {
    taxId: "41-3456789",
    checkNumber: "7001003",
    proof: "npi",
    vendorNumber: "",
    npi: "1600123453",
    firstName: "Sam",
    lastName: "O'Neil",
    email: uniqueEmail("Sam.ONeil", "Riverbend.Example"),
    phone: "218-555-0177",
    password: "riverbend orthopedics billing",
    submissionId: randomUUID(),
    ...overrides,
  };
}

/** Northside Pediatrics' check (demo data): the organization is already registered by Pat Morgan. */
export function northsideByVendorInput(overrides: Partial<CheckRegistrationInput> = {}): CheckRegistrationInput {
  return lakesideByVendorInput({ taxId: "41-2345678", checkNumber: "7001002", vendorNumber: "100310", email: uniqueEmail("Chris.Park", "Northside.Example"), ...overrides });
}

/** Parses form input the way the server action does; throws if the factory produced something invalid. */
export function parseCheckRegistration(input: CheckRegistrationInput): CheckRegistration {
  return CheckRegistrationSchema.parse(input);
}

export const lakesideByVendor = (overrides: Partial<CheckRegistrationInput> = {}) => parseCheckRegistration(lakesideByVendorInput(overrides));
export const riverbendByNpi = (overrides: Partial<CheckRegistrationInput> = {}) => parseCheckRegistration(riverbendByNpiInput(overrides));
export const northsideByVendor = (overrides: Partial<CheckRegistrationInput> = {}) => parseCheckRegistration(northsideByVendorInput(overrides));
