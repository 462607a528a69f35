import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { caseEvents, cases } from "@/db/schema";
import { sendContactUs } from "@/lib/cases/contact-us";
import { ContactUsSchema } from "@/lib/cases/contact-us-schema";
import { findAccountContact } from "@/db/queries/accounts";
import { reportProviderNotListed } from "@/lib/cases/report-provider-not-listed";
import { demoAccounts } from "@/tests/factories/demo-data";
import { mapleGrove, type NotListedInput } from "@/tests/factories/not-listed";
import { buildRequestContext } from "@/tests/factories/request-context";
import { findUserByEmail } from "@/tests/support/queries";

/** Riley Reyes, the seeded representative. */
export async function demoRepresentative(): Promise<{ id: string }> {
  const riley = await findUserByEmail(demoAccounts.staff.email);
  if (!riley) throw new Error("The demo data is not seeded in this test file's database.");
  return { id: riley.id };
}

/** Opens a "provider not listed" case through the public form's use case; returns its number. */
export async function openNotListedCase(overrides: Partial<NotListedInput> = {}, now = new Date()): Promise<number> {
  const result = await reportProviderNotListed(mapleGrove(overrides), buildRequestContext(), now);
  if (!result.ok) throw new Error(`Opening a not-listed case failed: ${result.code}`);
  return result.caseNumber;
}

/** Opens a Contact us case as a signed-in person ("add a Tax ID without a check"); returns its number. */
export async function openContactCase(userId: string, now = new Date()): Promise<number> {
  const person = await findAccountContact(db, { id: userId });
  if (!person) throw new Error("The person opening a contact case is missing.");
  const input = ContactUsSchema.parse({
    topic: "add-tax-id",
    taxId: "41-5678901",
    message: "New office manager, no checks yet.",
    name: `${person.firstName} ${person.lastName}`,
    email: person.email,
    submissionId: randomUUID(),
  });
  const result = await sendContactUs(input, buildRequestContext(), userId, now);
  if (!result.ok) throw new Error(`Opening a contact case failed: ${result.code}`);
  return result.caseNumber;
}

export async function caseRow(number: number) {
  const [row] = await db.select().from(cases).where(eq(cases.number, number));
  if (!row) throw new Error(`No case ${number}.`);
  return row;
}

export async function historyOf(number: number) {
  const row = await caseRow(number);
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id)).orderBy(caseEvents.occurredAt, caseEvents.id);
}
