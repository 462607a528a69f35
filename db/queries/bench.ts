import { asc } from "drizzle-orm";
import type { Executor } from "../client";
import { providerTaxIds } from "../schema";

/**
 * The first Tax IDs of the health plan's records, by Tax ID: the fixed read of the signed-in
 * benchmark anchor (/bench/signed-in), one indexed range scan.
 */
export async function listFirstTaxIdRecords(executor: Executor, limit: number) {
  return executor
    .select({ taxId: providerTaxIds.taxId, legalName: providerTaxIds.legalName, city: providerTaxIds.city, state: providerTaxIds.state })
    .from(providerTaxIds)
    .orderBy(asc(providerTaxIds.taxId))
    .limit(limit);
}
