import { randomUUID } from "node:crypto";
import { db } from "@/db/client";
import { insertAccount } from "@/db/queries/accounts";
import { AddAccessSchema, type AddAccessField, type AddAccessInput } from "@/lib/access/add-access-schema";
import { uniqueEmail } from "./check-registration";

export type AddAccessFormInput = Partial<Record<AddAccessField, string>>;

/** Parses form input the way the server action does; throws if the factory produced something invalid. */
export function parseAddAccess(input: AddAccessFormInput): AddAccessInput {
  return AddAccessSchema.parse({ submissionId: randomUUID(), ...input });
}

/** Riverbend Orthopedics' second Tax ID (41-3456790): check #7001004, vendor number 100456 (demo data). */
export const riverbendSecondByCheck = (overrides: AddAccessFormInput = {}) =>
  parseAddAccess({ taxId: "41-3456790", document: "check", proof: "vendor", checkNumber: "7001004", vendorNumber: "100456", ...overrides });

/** Northside Pediatrics (41-2345678, delegate Pat Morgan): check #7001002 paid to NPI 1450239870. */
export const northsideByCheckNpi = (overrides: AddAccessFormInput = {}) =>
  parseAddAccess({ taxId: "41-2345678", document: "check", proof: "npi", checkNumber: "7001002", npi: "1450239870", ...overrides });

/** Prairie Health Partners (41-4567890): non-payment notice NP4400123 for NPI 1823456706. */
export const prairieByNotice = (overrides: AddAccessFormInput = {}) =>
  parseAddAccess({ taxId: "41-4567890", document: "notice", noticeNpi: "1823456706", noticeNumber: "NP4400123", ...overrides });

/**
 * A confirmed provider account that belongs to no organization yet (as if its registration's
 * Tax ID had since been removed): lets one test file use the same demo Tax ID for many people.
 */
export async function confirmedAccount(name: { firstName: string; lastName: string } = { firstName: "Jordan", lastName: "Lee" }) {
  const now = new Date();
  const email = uniqueEmail(`${name.firstName}.${name.lastName}`, "clinic.example").toLowerCase();
  const user = await insertAccount(db, { email, ...name, phone: "6125550101", passwordHash: "not-a-real-hash", accountType: "provider", emailVerifiedAt: now, now });
  if (!user) throw new Error("The test account was not created.");
  return { userId: user.id, email };
}
