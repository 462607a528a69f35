import "server-only";
import { db } from "@/db/client";
import { findCaseBySubmission } from "@/db/queries/cases";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { consumeLimit } from "@/lib/rate-limit";
import { formatTaxId } from "@/lib/validation";
import { contactTopicLabel, type ContactUsRequest } from "./contact-us-schema";
import { formatCaseNumber, openCase } from "./open-case";

export type ContactUsResult = { ok: true; caseNumber: number } | { ok: false; code: "rate_limited"; retryAfterSeconds: number };

/** The topic as stored in the case's details (snake_case, like the Tax ID & NPI access path's "add_tax_id"). */
const storedTopic = { "add-tax-id": "add_tax_id", "pin-letter": "pin_letter_missing", "delegate-left": "delegate_left", other: "other" } as const;

/**
 * Contact us: opens a contact_us case with the topic in its details and acknowledges it by
 * email, in one transaction with the audit row. A resubmitted form gets the case it already
 * opened. Each new case counts against a limit: the account's when signed in, else the client
 * address's (shared with the other public case forms).
 */
export async function sendContactUs(input: ContactUsRequest, context: RequestContext, requesterUserId: string | null, now = new Date()): Promise<ContactUsResult> {
  const existing = await findCaseBySubmission(db, input.submissionId);
  if (existing) return { ok: true, caseNumber: existing.number };

  const limit = requesterUserId ? await consumeLimit("caseFormByUser", requesterUserId) : await consumeLimit("caseFormByClient", context.clientAddress);
  if (limit.blocked) {
    await recordAudit(db, context, {
      action: "case.opened",
      outcome: "rate_limited",
      actorUserId: requesterUserId,
      actorLabel: requesterUserId ? null : input.email,
      taxId: input.taxId ?? null,
      details: { type: "contact_us", topic: storedTopic[input.topic] },
    });
    return { ok: false, code: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  }

  const topicLabel = contactTopicLabel(input.topic);
  return db.transaction(async (tx) => {
    const opened = await openCase(
      tx,
      {
        type: "contact_us",
        taxId: input.taxId ?? null,
        npi: input.npi ?? null,
        requesterUserId,
        contactName: input.name,
        contactEmail: input.email,
        contactPhone: input.phone ?? null,
        details: { topic: storedTopic[input.topic], topicLabel, taxId: input.taxId ? formatTaxId(input.taxId) : null, npi: input.npi ?? null, message: input.message },
        submissionId: input.submissionId,
        now,
      },
      context,
      requesterUserId,
    );
    if (!opened.created) return { ok: true, caseNumber: opened.number } as const;
    const about = input.taxId ? ` about Tax ID ${formatTaxId(input.taxId)}${input.npi ? `, NPI ${input.npi}` : ""}` : "";
    await enqueueEmail(tx, {
      template: "case-received",
      to: input.email,
      props: {
        payerName: env().PAYER_NAME,
        name: input.name.split(" ")[0] ?? input.name,
        caseNumber: formatCaseNumber(opened.number),
        topic: topicLabel,
        summary: `You wrote to us through Contact us${about}. A representative will read your message and contact you.`,
      },
    });
    return { ok: true, caseNumber: opened.number } as const;
  });
}
