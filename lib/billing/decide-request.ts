import { db, type Executor } from "@/db/client";
import { insertGrant } from "@/db/queries/access";
import { decideAccessRequest, expireOverdueRequests, findAccessRequest, findAccessRequestIdByToken, type AccessRequestRow } from "@/db/queries/access-requests";
import { findAccountContact } from "@/db/queries/accounts";
import { findLiveMembership, listMembershipsForUser } from "@/db/queries/organizations";
import { hashToken, looksLikeLinkToken } from "@/lib/account/tokens";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { formatTaxId } from "@/lib/validation";
import { describeRequestedNpis } from "./approval-email";

/** What a link's token says about the request it was opened with. */
export type LinkCheck = "none" | "valid" | "foreign";

/**
 * Whether a token from an approval email belongs to this request. A token of another request,
 * or one that is not a token at all, is "foreign". (A token of this request that was used or
 * has expired is "valid" here: the page then says what became of the request.)
 */
export async function checkLinkToken(executor: Executor, requestId: string, token: string | null | undefined): Promise<LinkCheck> {
  if (!token) return "none";
  if (!looksLikeLinkToken(token)) return "foreign";
  return (await findAccessRequestIdByToken(executor, hashToken(token))) === requestId ? "valid" : "foreign";
}

/** The request, if this person is a delegate of the provider Tax ID it asks for; null for anyone else. */
export async function requestForDelegate(executor: Executor, userId: string, requestId: string): Promise<AccessRequestRow | null> {
  const request = await findAccessRequest(executor, requestId);
  if (!request) return null;
  const memberships = await listMembershipsForUser(executor, userId);
  const isDelegate = memberships.some((membership) => membership.kind === "provider" && membership.role === "delegate" && membership.taxId === request.providerTaxId);
  return isDelegate ? request : null;
}

export type DecideResult =
  | { ok: true; decision: "approved" | "denied"; request: AccessRequestRow }
  | { ok: false; code: "not_found" | "link_invalid" | "expired" }
  | { ok: false; code: "already_answered"; request: AccessRequestRow };

/**
 * A delegate of the provider's Tax ID approves or denies a billing organization's request. The
 * answer is one conditional update (pending and within 30 days), so of two delegates answering
 * at once exactly one decides and there is one grant. Approval gives the person who asked access
 * at once (their co-workers get it when their own delegate assigns it); either answer emails them.
 * A token from the email, when given, must be this request's.
 */
export async function decideAccessRequestAs(
  values: { userId: string; requestId: string; decision: "approved" | "denied"; token?: string | null },
  context: RequestContext,
  now = new Date(),
): Promise<DecideResult> {
  const request = await requestForDelegate(db, values.userId, values.requestId);
  if (!request) {
    await recordAudit(db, context, { action: "access_request.refused", outcome: "denied", actorUserId: values.userId, reason: "not_delegate", details: { requestId: values.requestId } });
    return { ok: false, code: "not_found" };
  }
  if ((await checkLinkToken(db, request.id, values.token)) === "foreign") {
    await recordAudit(db, context, { action: "access_request.refused", outcome: "denied", actorUserId: values.userId, taxId: request.providerTaxId, reason: "foreign_token", details: { requestId: request.id } });
    return { ok: false, code: "link_invalid" };
  }

  const outcome = await db.transaction(async (tx) => {
    if ((await expireOverdueRequests(tx, now, { requestIds: [request.id] })).length > 0) {
      await recordAudit(tx, context, { action: "access_request.expired", outcome: "success", subjectUserId: request.requesterUserId, taxId: request.providerTaxId, details: { requestId: request.id } });
      return "expired" as const;
    }
    if (!(await decideAccessRequest(tx, request.id, { decision: values.decision, byUserId: values.userId, now }))) return "already_answered" as const;

    let granted = false;
    if (values.decision === "approved") granted = await grantRequester(tx, request, values.userId, context, now);
    await recordAudit(tx, context, {
      action: values.decision === "approved" ? "access_request.approved" : "access_request.denied",
      outcome: "success",
      actorUserId: values.userId,
      subjectUserId: request.requesterUserId,
      taxId: request.providerTaxId,
      details: { requestId: request.id, billingTaxId: request.billingTaxId, granted, viaLink: Boolean(values.token) },
    });
    await tellRequester(tx, request, values.decision, values.userId);
    return "decided" as const;
  });

  if (outcome === "expired") return { ok: false, code: "expired" };
  const latest = (await findAccessRequest(db, request.id)) ?? request;
  if (outcome === "already_answered") return { ok: false, code: "already_answered", request: latest };
  return { ok: true, decision: values.decision, request: latest };
}

/**
 * The requester's access, when they are still an active member of the billing organization
 * (someone who left gets nothing; the organization's approval stands for their co-workers).
 */
async function grantRequester(tx: Executor, request: AccessRequestRow, approverId: string, context: RequestContext, now: Date): Promise<boolean> {
  const [requester, membership] = await Promise.all([findAccountContact(tx, { id: request.requesterUserId }), findLiveMembership(tx, request.billingOrganizationId, request.requesterUserId)]);
  if (requester?.status !== "active" || !membership) return false;
  const grant = await insertGrant(tx, {
    userId: request.requesterUserId,
    taxId: request.providerTaxId,
    method: "billing_approval",
    status: "active",
    npis: request.allNpis ? null : request.npis,
    grantedByUserId: approverId,
    accessRequestId: request.id,
    now,
  });
  if (!grant) return false;
  await recordAudit(tx, context, {
    action: "access.granted",
    outcome: "success",
    actorUserId: approverId,
    subjectUserId: request.requesterUserId,
    taxId: request.providerTaxId,
    details: { method: "billing_approval", status: "active", npis: request.allNpis || !request.npis ? "all" : request.npis.join(" "), requestId: request.id },
  });
  return true;
}

/** Emails the person who asked what the provider's office answered (or that it took access back). */
export async function tellRequester(tx: Executor, request: AccessRequestRow, outcome: "approved" | "denied" | "revoked", byUserId: string): Promise<void> {
  const [requester, answeredBy] = await Promise.all([findAccountContact(tx, { id: request.requesterUserId }), findAccountContact(tx, { id: byUserId })]);
  if (requester?.status !== "active") return;
  const config = env();
  await enqueueEmail(tx, {
    template: "access-request-answered",
    to: requester.email,
    props: {
      payerName: config.PAYER_NAME,
      firstName: requester.firstName,
      outcome,
      providerName: request.providerName ?? `Tax ID ${formatTaxId(request.providerTaxId)}`,
      providerTaxId: formatTaxId(request.providerTaxId),
      npis: await describeRequestedNpis(tx, request),
      answeredBy: answeredBy ? `${answeredBy.firstName} ${answeredBy.lastName}` : "The provider's delegate",
      accessUrl: `${config.APP_URL}/access`,
    },
  });
}
