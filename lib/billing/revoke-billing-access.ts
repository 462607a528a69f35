import { db } from "@/db/client";
import { endGrantsOfOrganizationMembers, findAccessRequest, revokeApprovedRequests } from "@/db/queries/access-requests";
import { listMembershipsForUser, lockOrganization } from "@/db/queries/organizations";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { tellRequester } from "./decide-request";

export type RevokeResult = { ok: true; endedGrants: number } | { ok: false; code: "not_found" };

/**
 * A provider's delegate takes a billing organization's access to one of their Tax IDs back, at
 * once: its approved requests become revoked, and every live grant its people hold on that Tax ID
 * ends (access is checked against the grants on every request, so the next one is refused).
 * The people who asked are told by email.
 */
export async function revokeBillingAccess(
  values: { userId: string; billingOrganizationId: string; providerTaxId: string },
  context: RequestContext,
  now = new Date(),
): Promise<RevokeResult> {
  const memberships = await listMembershipsForUser(db, values.userId);
  const delegateOf = memberships.find((membership) => membership.kind === "provider" && membership.role === "delegate" && membership.taxId === values.providerTaxId);
  if (!delegateOf) return { ok: false, code: "not_found" };
  const billing = await db.transaction(async (tx) => {
    await lockOrganization(tx, delegateOf.organizationId);
    const revoked = await revokeApprovedRequests(tx, { billingOrganizationId: values.billingOrganizationId, providerTaxId: values.providerTaxId, byUserId: values.userId, now });
    if (revoked.length === 0) return null;
    const ended = await endGrantsOfOrganizationMembers(tx, {
      organizationId: values.billingOrganizationId,
      taxId: values.providerTaxId,
      byUserId: values.userId,
      now,
      reason: "billing_access_revoked",
    });
    for (const userId of ended) {
      await recordAudit(tx, context, { action: "access.revoked", outcome: "success", actorUserId: values.userId, subjectUserId: userId, taxId: values.providerTaxId, reason: "billing_access_revoked" });
    }
    const requests = (await Promise.all(revoked.map((id) => findAccessRequest(tx, id)))).filter((request) => request !== null);
    const told = new Set<string>();
    for (const request of requests) {
      await recordAudit(tx, context, {
        action: "access_request.revoked",
        outcome: "success",
        actorUserId: values.userId,
        subjectUserId: request.requesterUserId,
        taxId: values.providerTaxId,
        details: { requestId: request.id, billingTaxId: request.billingTaxId },
      });
      if (told.has(request.requesterUserId)) continue;
      told.add(request.requesterUserId);
      await tellRequester(tx, request, "revoked", values.userId);
    }
    return { endedGrants: ended.length };
  });
  return billing ? { ok: true, endedGrants: billing.endedGrants } : { ok: false, code: "not_found" };
}

