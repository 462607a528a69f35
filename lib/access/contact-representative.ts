import { db } from "@/db/client";
import { findAccountContact } from "@/db/queries/accounts";
import { findProviderTaxId } from "@/db/queries/reference";
import type { RequestContext } from "@/lib/client-context";
import { formatCaseNumber, openCase } from "@/lib/cases/open-case";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { formatTaxId } from "@/lib/validation";
import type { ContactRepresentativeInput } from "./contact-representative-schema";

export type ContactRepresentativeResult = { ok: true; caseNumber: string } | { ok: false; code: "account_inactive" };

/**
 * Opens a Contact us case for a person who has neither a check nor a notice for a Tax ID, and
 * acknowledges it by email, in one transaction. The same submission (a double click, a resent
 * form) answers with the case it opened and sends no second email.
 */
export async function askRepresentativeForAccess(userId: string, input: ContactRepresentativeInput, context: RequestContext, now = new Date()): Promise<ContactRepresentativeResult> {
  const person = await findAccountContact(db, { id: userId });
  if (!person || person.status !== "active") return { ok: false, code: "account_inactive" };
  const record = await findProviderTaxId(db, input.taxId);
  const organizationName = record?.legalName ?? null;

  return db.transaction(async (tx) => {
    const opened = await openCase(
      tx,
      {
        type: "contact_us",
        taxId: input.taxId,
        npi: input.npi ?? null,
        requesterUserId: userId,
        contactName: `${person.firstName} ${person.lastName}`,
        contactEmail: person.email,
        contactPhone: person.phone,
        details: { topic: "add_tax_id", message: input.message, organizationName },
        submissionId: input.submissionId,
        now,
      },
      context,
      userId,
    );
    const caseNumber = formatCaseNumber(opened.number);
    if (opened.created) {
      const what = `Tax ID ${formatTaxId(input.taxId)}${organizationName ? ` (${organizationName})` : ""}${input.npi ? `, NPI ${input.npi}` : ""}`;
      await enqueueEmail(tx, {
        template: "case-received",
        to: person.email,
        props: {
          payerName: env().PAYER_NAME,
          name: person.firstName,
          caseNumber,
          topic: "Adding a Tax ID to your account",
          summary: `You asked for access to ${what} without a check or a non-payment notice. A representative will check that you work there before adding it.`,
        },
      });
    }
    return { ok: true, caseNumber } as const;
  });
}
