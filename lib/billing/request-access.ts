import { db, type Executor } from "@/db/client";
import { findLiveGrant } from "@/db/queries/access";
import { expireOverdueRequests, findAccessRequest, findOpenRequest } from "@/db/queries/access-requests";
import { findOrganizationByTaxId, listActiveDelegates, listMembershipsForUser } from "@/db/queries/organizations";
import { listNpisForTaxIds } from "@/db/queries/reference";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { consumeLimit, takeAttempt, type LimitName } from "@/lib/rate-limit";
import { issueAccessRequest } from "./approval-email";
import type { AccessRequestInput } from "./request-access-schema";

export type RequestAccessRefusal =
  /** Only members of a billing organization ask providers for access. */
  | { ok: false; code: "not_billing" }
  | { ok: false; code: "own_tax_id" }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number }
  /** Nobody at this Tax ID has registered (or it is not a provider's): there is no one to approve. */
  | { ok: false; code: "provider_not_registered" }
  /** The contact is not a delegate of the Tax ID: a co-worker, a manager, an unknown address. */
  | { ok: false; code: "contact_not_delegate" }
  | { ok: false; code: "npis_not_under_tax_id"; npis: string[] }
  | { ok: false; code: "already_has_access" }
  | { ok: false; code: "already_pending"; createdAt: Date; expiresAt: Date };

export type RequestAccessResult = { ok: true; requestId: string } | RequestAccessRefusal;

/** The billing organization a person belongs to, if any. */
export async function billingOrganizationOf(executor: Executor, userId: string) {
  const memberships = await listMembershipsForUser(executor, userId);
  return memberships.find((membership) => membership.kind === "billing") ?? null;
}

function refusalLimits(userId: string, clientAddress: string | null): Array<[LimitName, string | null]> {
  return [
    ["accessRequestRefusalsByUser", userId],
    ["accessRequestRefusalsByClient", clientAddress],
  ];
}

/** Expires the requester's overdue requests (each audited once), so that a new one may take their place. */
async function expireOverdueOf(requesterUserId: string, context: RequestContext | null, now: Date): Promise<void> {
  const expired = await expireOverdueRequests(db, now, { requesterUserId });
  for (const request of expired) {
    await recordAudit(db, context, { action: "access_request.expired", outcome: "success", subjectUserId: request.requesterUserId, taxId: request.providerTaxId, details: { requestId: request.id } });
  }
}

/**
 * A billing user asks a provider's office for access to its Tax ID (or some NPIs under it),
 * naming the delegate there who will approve. The contact must be an active delegate of that
 * Tax ID; any other address gets one answer, whoever it belongs to. Each refusal counts against
 * limits per account and per client address, because the form tells whether an address is a
 * delegate. On success, in one transaction: the request, its approval email and the audit row.
 */
export async function requestProviderAccess(userId: string, input: AccessRequestInput, context: RequestContext, now = new Date()): Promise<RequestAccessResult> {
  const billing = await billingOrganizationOf(db, userId);
  if (!billing) return { ok: false, code: "not_billing" };
  if (billing.taxId === input.providerTaxId) return { ok: false, code: "own_tax_id" };

  const attempt = await takeAttempt(refusalLimits(userId, context.clientAddress));
  if (attempt.blocked) {
    await recordAudit(db, context, { action: "access_request.refused", outcome: "rate_limited", actorUserId: userId, taxId: input.providerTaxId, reason: attempt.blocked.limit });
    return { ok: false, code: "rate_limited", retryAfterSeconds: attempt.blocked.retryAfterSeconds };
  }
  const refuse = async (refusal: RequestAccessRefusal, reason: string, counts: boolean): Promise<RequestAccessRefusal> => {
    if (!counts) await attempt.succeeded();
    await recordAudit(db, context, { action: "access_request.refused", outcome: "denied", actorUserId: userId, taxId: input.providerTaxId, reason });
    return refusal;
  };

  await expireOverdueOf(userId, context, now);
  const open = await findOpenRequest(db, userId, input.providerTaxId, now);
  if (open) return refuse({ ok: false, code: "already_pending", createdAt: open.createdAt, expiresAt: open.expiresAt }, "already_pending", false);
  if ((await findLiveGrant(db, userId, input.providerTaxId))?.status === "active") return refuse({ ok: false, code: "already_has_access" }, "already_has_access", false);

  const provider = await findOrganizationByTaxId(db, input.providerTaxId);
  const delegates = provider?.kind === "provider" ? await listActiveDelegates(db, provider.id, now) : [];
  if (delegates.length === 0) return refuse({ ok: false, code: "provider_not_registered" }, "provider_not_registered", true);
  if (!delegates.some((delegate) => delegate.email === input.contactEmail)) return refuse({ ok: false, code: "contact_not_delegate" }, "contact_not_delegate", true);
  if (input.npis) {
    const known = new Set((await listNpisForTaxIds(db, [input.providerTaxId])).map((row) => row.npi));
    const outside = input.npis.filter((npi) => !known.has(npi));
    if (outside.length > 0) return refuse({ ok: false, code: "npis_not_under_tax_id", npis: outside }, "npis_not_under_tax_id", true);
  }
  await attempt.succeeded();

  const emails = await consumeLimit("accessRequestEmailsByUser", userId);
  if (emails.blocked) {
    await recordAudit(db, context, { action: "access_request.refused", outcome: "rate_limited", actorUserId: userId, taxId: input.providerTaxId, reason: "accessRequestEmailsByUser" });
    return { ok: false, code: "rate_limited", retryAfterSeconds: emails.retryAfterSeconds };
  }

  const requestId = await db.transaction((tx) =>
    issueAccessRequest(
      tx,
      {
        requesterUserId: userId,
        billingOrganizationId: billing.organizationId,
        providerTaxId: input.providerTaxId,
        npis: input.npis,
        contactName: input.contactName,
        contactEmail: input.contactEmail,
      },
      context,
      now,
    ),
  );
  if (requestId) return { ok: true, requestId };
  // A second click of the same form: the first one made the request.
  const existing = await findOpenRequest(db, userId, input.providerTaxId, now);
  if (!existing) throw new Error("The access request was neither created nor found.");
  return { ok: true, requestId: existing.id };
}

export type ReRequestResult = { ok: true; requestId: string } | { ok: false; code: "not_found" | "not_expired" | "contact_not_delegate" | "rate_limited"; retryAfterSeconds?: number };

/**
 * Sends an expired request again: a new request with a new link and 30 more days, pointing at
 * the one it replaces (whose link stays dead). Only the person who asked can re-request it, and
 * only while its contact is still a delegate of the Tax ID.
 */
export async function reRequestAccess(userId: string, requestId: string, context: RequestContext, now = new Date()): Promise<ReRequestResult> {
  const original = await findAccessRequest(db, requestId);
  if (!original || original.requesterUserId !== userId) return { ok: false, code: "not_found" };
  await expireOverdueOf(userId, context, now);
  const billing = await billingOrganizationOf(db, userId);
  if (!billing || billing.organizationId !== original.billingOrganizationId) return { ok: false, code: "not_found" };
  const current = await findAccessRequest(db, requestId);
  if (current?.status !== "expired") return { ok: false, code: "not_expired" };

  const provider = await findOrganizationByTaxId(db, original.providerTaxId);
  const delegates = provider?.kind === "provider" ? await listActiveDelegates(db, provider.id, now) : [];
  if (!delegates.some((delegate) => delegate.email === original.contactEmail)) return { ok: false, code: "contact_not_delegate" };
  const emails = await consumeLimit("accessRequestEmailsByUser", userId);
  if (emails.blocked) return { ok: false, code: "rate_limited", retryAfterSeconds: emails.retryAfterSeconds };

  const issued = await db.transaction((tx) =>
    issueAccessRequest(
      tx,
      {
        requesterUserId: userId,
        billingOrganizationId: original.billingOrganizationId,
        providerTaxId: original.providerTaxId,
        npis: original.allNpis ? null : original.npis,
        contactName: original.contactName,
        contactEmail: original.contactEmail,
        replacesRequestId: original.id,
      },
      context,
      now,
    ),
  );
  if (issued) return { ok: true, requestId: issued };
  const open = await findOpenRequest(db, userId, original.providerTaxId, now);
  return open ? { ok: true, requestId: open.id } : { ok: false, code: "not_expired" };
}
