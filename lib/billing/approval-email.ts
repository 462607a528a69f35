import type { Executor } from "@/db/client";
import { ACCESS_REQUEST_DAYS, findAccessRequest, insertAccessRequest, type AccessRequestRow, type NewAccessRequest } from "@/db/queries/access-requests";
import { listNpisForTaxIds } from "@/db/queries/reference";
import { newLinkToken } from "@/lib/account/tokens";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/format";
import { formatTaxId } from "@/lib/validation";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where a request is answered: its page in the portal, with the chosen answer (and the email's token) in the address. */
export function requestUrl(requestId: string, answer?: "approve" | "deny", token?: string): string {
  const query = new URLSearchParams();
  if (answer) query.set("answer", answer);
  if (token) query.set("token", token);
  const suffix = query.size > 0 ? `?${query.toString()}` : "";
  return `${env().APP_URL}/access/requests/${requestId}${suffix}`;
}

/** "All NPIs" or each requested NPI with its name from the records. */
export async function describeRequestedNpis(executor: Executor, request: Pick<AccessRequestRow, "providerTaxId" | "allNpis" | "npis">): Promise<string[]> {
  if (request.allNpis || !request.npis) return ["All NPIs"];
  const known = await listNpisForTaxIds(executor, [request.providerTaxId]);
  return request.npis.map((npi) => {
    const name = known.find((candidate) => candidate.npi === npi)?.name;
    return name ? `NPI ${npi} (${name})` : `NPI ${npi}`;
  });
}

/**
 * Queues the approval email for a request (or a reminder of it). The first email carries the
 * link's token, which exists only in this email (the outbox forgets the body once sent); a
 * reminder links to the request without one: the delegate signs in either way.
 */
export async function queueApprovalEmail(executor: Executor, request: AccessRequestRow, options: { token?: string; reminderDaysLeft?: number }): Promise<void> {
  const config = env();
  await enqueueEmail(executor, {
    template: "provider-approval",
    to: request.contactEmail,
    props: {
      payerName: config.PAYER_NAME,
      contactName: request.contactName,
      requesterName: `${request.requesterFirstName} ${request.requesterLastName}`,
      requesterEmail: request.requesterEmail,
      billingOrganizationName: request.billingOrganizationName ?? `Tax ID ${formatTaxId(request.billingTaxId)}`,
      billingTaxId: formatTaxId(request.billingTaxId),
      providerName: request.providerName ?? `Tax ID ${formatTaxId(request.providerTaxId)}`,
      providerTaxId: formatTaxId(request.providerTaxId),
      npis: await describeRequestedNpis(executor, request),
      expiresOn: formatDate(request.expiresAt),
      approveUrl: requestUrl(request.id, "approve", options.token),
      denyUrl: requestUrl(request.id, "deny", options.token),
      reminderDaysLeft: options.reminderDaysLeft,
    },
  });
}

/** What a new request is about; its token, dates and hash are made by issueAccessRequest. */
export type RequestToIssue = Omit<NewAccessRequest, "tokenHash" | "now" | "expiresAt">;

/**
 * In the caller's transaction: a new pending request with a fresh link token (256 bits, only its
 * hash kept), valid for 30 days, its approval email and its audit row. Returns null when the
 * requester already has a pending request for the Tax ID (a double submit).
 */
export async function issueAccessRequest(tx: Executor, values: RequestToIssue, context: RequestContext | null, now: Date): Promise<string | null> {
  const { token, tokenHash } = newLinkToken();
  const inserted = await insertAccessRequest(tx, { ...values, tokenHash, now, expiresAt: new Date(now.getTime() + ACCESS_REQUEST_DAYS * DAY_MS) });
  if (!inserted) return null;
  const request = await findAccessRequest(tx, inserted.id);
  if (!request) throw new Error("The access request just created is missing.");
  await queueApprovalEmail(tx, request, { token });
  await recordAudit(tx, context, {
    action: "access_request.created",
    outcome: "success",
    actorUserId: values.requesterUserId,
    taxId: values.providerTaxId,
    details: { requestId: inserted.id, npis: values.npis ? values.npis.join(" ") : "all", replaces: values.replacesRequestId ?? null },
  });
  return inserted.id;
}
