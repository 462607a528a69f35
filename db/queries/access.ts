import { asc, eq, inArray } from "drizzle-orm";
import { db as defaultDb, type Executor } from "../client";
import { accessGrants, npis, npiTaxIds, providerTaxIds } from "../schema";

export interface AccessRow {
  grantId: string;
  taxId: string;
  organizationName: string | null;
  role: "delegate" | "user";
  method: "check" | "nonpayment_notice" | "us_mail_pin" | "delegate" | "billing_approval" | "representative";
  evidence: string | null;
  status: "active" | "pending" | "expired" | "revoked";
  grantedAt: Date;
  npis: Array<{ npi: string; name: string; type: "individual" | "organization" }>;
}

/** Every Tax ID a person can use (and its NPIs), read fresh from the database on each request. */
export async function listAccessForUser(userId: string, executor: Executor = defaultDb): Promise<AccessRow[]> {
  const grants = await executor
    .select({
      grantId: accessGrants.id,
      taxId: accessGrants.taxId,
      organizationName: providerTaxIds.legalName,
      role: accessGrants.role,
      method: accessGrants.method,
      evidence: accessGrants.evidence,
      status: accessGrants.status,
      grantedAt: accessGrants.grantedAt,
    })
    .from(accessGrants)
    .leftJoin(providerTaxIds, eq(providerTaxIds.taxId, accessGrants.taxId))
    .where(eq(accessGrants.userId, userId))
    .orderBy(asc(providerTaxIds.legalName), asc(accessGrants.taxId));
  if (grants.length === 0) return [];

  const npiRows = await executor
    .select({ taxId: npiTaxIds.taxId, npi: npis.npi, name: npis.name, type: npis.type })
    .from(npiTaxIds)
    .innerJoin(npis, eq(npis.npi, npiTaxIds.npi))
    .where(
      inArray(
        npiTaxIds.taxId,
        grants.map((grant) => grant.taxId),
      ),
    )
    .orderBy(asc(npis.type), asc(npis.name));

  return grants.map((grant) => ({
    ...grant,
    npis: npiRows.filter((row) => row.taxId === grant.taxId).map(({ npi, name, type }) => ({ npi, name, type })),
  }));
}
