import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { accessRequests, providerTaxIds } from "../schema";

/**
 * What a billing organization may pass on for one provider Tax ID: the union of its approved
 * requests for that Tax ID (several people of the organization may have asked).
 */
export interface BillingEntitlement {
  billingOrganizationId: string;
  providerTaxId: string;
  /** The provider's name in the health plan's records (null if the records no longer have it). */
  providerName: string | null;
  /** true: every NPI of the Tax ID, including NPIs added later. */
  allNpis: boolean;
  /** The approved NPIs, sorted; empty when allNpis. */
  npis: string[];
}

/**
 * The entitlements of some billing organizations, by organization then provider Tax ID. Only
 * requests with status 'approved' count: pending, denied, expired, cancelled (and any later
 * status such as revoked) give nothing.
 */
export async function listBillingEntitlements(executor: Executor, billingOrganizationIds: string[]): Promise<BillingEntitlement[]> {
  if (billingOrganizationIds.length === 0) return [];
  const rows = await executor
    .select({
      billingOrganizationId: accessRequests.billingOrganizationId,
      providerTaxId: accessRequests.providerTaxId,
      providerName: providerTaxIds.legalName,
      allNpis: accessRequests.allNpis,
      npis: accessRequests.npis,
    })
    .from(accessRequests)
    .leftJoin(providerTaxIds, eq(providerTaxIds.taxId, accessRequests.providerTaxId))
    .where(and(inArray(accessRequests.billingOrganizationId, billingOrganizationIds), eq(accessRequests.status, "approved")))
    .orderBy(asc(accessRequests.billingOrganizationId), asc(accessRequests.providerTaxId));

  const byKey = new Map<string, BillingEntitlement>();
  for (const row of rows) {
    const key = `${row.billingOrganizationId}:${row.providerTaxId}`;
    const entitlement = byKey.get(key) ?? { billingOrganizationId: row.billingOrganizationId, providerTaxId: row.providerTaxId, providerName: row.providerName, allNpis: false, npis: [] };
    if (row.allNpis) entitlement.allNpis = true;
    else entitlement.npis = [...new Set([...entitlement.npis, ...(row.npis ?? [])])].sort();
    byKey.set(key, entitlement);
  }
  // A request for chosen NPIs that names none gives nothing: never read it as "every NPI".
  return [...byKey.values()].filter((entitlement) => entitlement.allNpis || entitlement.npis.length > 0).map((entitlement) => (entitlement.allNpis ? { ...entitlement, npis: [] } : entitlement));
}
