import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accessGrants, pinLetters } from "@/db/schema";
import { decryptPin } from "@/lib/pin-letters/pin-cipher";
import { MailRegistrationSchema, type MailRegistration } from "@/lib/registration/mail-registration-schema";
import { uniqueEmail } from "./check-registration";

export type MailRegistrationInput = Record<string, string>;

/** Birchwood Clinic (demo data: no check, not registered), by US Mail. */
export function birchwoodByMailInput(overrides: MailRegistrationInput = {}): MailRegistrationInput {
  return {
    taxId: "41-5678901",
    npi: "1908765435",
    firstName: "Morgan",
    lastName: "Ellis",
    email: uniqueEmail("Morgan.Ellis", "Birchwood.Example"),
    phone: "952-555-0142",
    password: "birchwood front desk lilac",
    submissionId: randomUUID(),
    ...overrides,
  };
}

export function parseMailRegistration(input: MailRegistrationInput): MailRegistration {
  return MailRegistrationSchema.parse(input);
}

export const birchwoodByMail = (overrides: MailRegistrationInput = {}) => parseMailRegistration(birchwoodByMailInput(overrides));

/** The person's pending (or any) US Mail grant for a Tax ID. */
export async function mailGrantOf(userId: string, taxId: string) {
  const [grant] = await db
    .select()
    .from(accessGrants)
    .where(and(eq(accessGrants.userId, userId), eq(accessGrants.taxId, taxId), eq(accessGrants.method, "us_mail_pin")))
    .orderBy(desc(accessGrants.createdAt))
    .limit(1);
  if (!grant) throw new Error(`No US Mail grant for ${taxId}.`);
  return grant;
}

/** Every letter of a person, newest first. */
export async function lettersOf(userId: string) {
  return db.select().from(pinLetters).where(eq(pinLetters.requestedByUserId, userId)).orderBy(desc(pinLetters.letterDate), desc(pinLetters.id));
}

/** The PIN of the person's newest letter, read the way the printer does (from the sealed copy). */
export async function pinOfNewestLetter(userId: string): Promise<string> {
  const [letter] = await lettersOf(userId);
  if (!letter?.pinCiphertext) throw new Error("No sealed PIN on the newest letter.");
  return decryptPin(letter.pinCiphertext);
}

/** A PIN from the alphabet that is surely not this one. */
export function wrongPin(pin: string): string {
  return pin.startsWith("A") ? "BBBB-CCCC" : "AAAA-BBBB";
}
