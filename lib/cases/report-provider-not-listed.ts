import { db } from "@/db/client";
import { findCaseBySubmission } from "@/db/queries/cases";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { consumeLimit } from "@/lib/rate-limit";
import { formatTaxId } from "@/lib/validation";
import { formatPhone } from "@/lib/validation/person";
import type { NotListedRequest } from "./not-listed-schema";
import { formatCaseNumber, openCase } from "./open-case";

export type ReportNotListedResult = { ok: true; caseNumber: number } | { ok: false; code: "rate_limited"; retryAfterSeconds: number };

/**
 * "My provider is not listed": opens a case for a representative and acknowledges it by email,
 * in one transaction with the audit row. A resubmitted form gets the case it already opened;
 * each new case counts against the client address's limit on public case forms.
 */
export async function reportProviderNotListed(input: NotListedRequest, context: RequestContext, now = new Date()): Promise<ReportNotListedResult> {
  const existing = await findCaseBySubmission(db, input.submissionId);
  if (existing) return { ok: true, caseNumber: existing.number };

  if (context.clientAddress) {
    const limit = await consumeLimit("caseFormByClient", context.clientAddress);
    if (limit.blocked) {
      await recordAudit(db, context, { action: "case.opened", outcome: "rate_limited", actorLabel: input.email, taxId: input.taxId, details: { type: "provider_not_listed" } });
      return { ok: false, code: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
    }
  }

  const contactName = `${input.firstName} ${input.lastName}`;
  return db.transaction(async (tx) => {
    const opened = await openCase(
      tx,
      {
        type: "provider_not_listed",
        taxId: input.taxId,
        npi: input.npi ?? null,
        contactName,
        contactEmail: input.email,
        contactPhone: input.phone,
        details: {
          organizationName: input.organizationName,
          taxId: formatTaxId(input.taxId),
          npi: input.npi ?? null,
          addressLine1: input.addressLine1,
          addressLine2: input.addressLine2 ?? null,
          city: input.city,
          state: input.state,
          postalCode: input.postalCode,
          practicePhone: formatPhone(input.practicePhone),
          message: input.message,
        },
        submissionId: input.submissionId,
        now,
      },
      context,
    );
    if (!opened.created) return { ok: true, caseNumber: opened.number } as const;
    const config = env();
    await enqueueEmail(tx, {
      template: "case-received",
      to: input.email,
      props: {
        payerName: config.PAYER_NAME,
        name: input.firstName,
        caseNumber: formatCaseNumber(opened.number),
        topic: "Your provider is not listed",
        summary: `You asked us to add ${input.organizationName} (Tax ID ${formatTaxId(input.taxId)}) to our records so that you can register.`,
      },
    });
    return { ok: true, caseNumber: opened.number } as const;
  });
}
