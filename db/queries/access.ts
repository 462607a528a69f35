import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { accessGrantNpis, accessGrants, npis, npiTaxIds, organizationMembers, organizations, providerTaxIds, type AccessMethod, type AccessStatus } from "../schema";

export interface GrantNpi {
  npi: string;
  name: string;
  type: "individual" | "organization";
}

export interface AccessRow {
  grantId: string;
  taxId: string;
  organizationName: string | null;
  /** The person's role in the Tax ID's organization, when they belong to it. */
  role: "delegate" | "user" | null;
  method: AccessMethod;
  evidence: string | null;
  status: AccessStatus;
  allNpis: boolean;
  createdAt: Date;
  grantedAt: Date | null;
  expiresAt: Date | null;
  endedAt: Date | null;
  npis: GrantNpi[];
}

/**
 * Every grant a person has had (live ones first, then history), with the NPIs each covers:
 * all of the Tax ID's NPIs, or only the chosen ones. Three queries whatever the number of grants.
 */
export async function listAccessForUser(executor: Executor, userId: string): Promise<AccessRow[]> {
  const grants = await executor
    .select({
      grantId: accessGrants.id,
      taxId: accessGrants.taxId,
      organizationName: sql<string | null>`coalesce(${providerTaxIds.legalName}, ${organizations.name})`,
      role: organizationMembers.role,
      method: accessGrants.method,
      evidence: accessGrants.evidence,
      status: accessGrants.status,
      allNpis: accessGrants.allNpis,
      createdAt: accessGrants.createdAt,
      grantedAt: accessGrants.grantedAt,
      expiresAt: accessGrants.expiresAt,
      endedAt: accessGrants.endedAt,
    })
    .from(accessGrants)
    .leftJoin(providerTaxIds, eq(providerTaxIds.taxId, accessGrants.taxId))
    .leftJoin(organizations, eq(organizations.taxId, accessGrants.taxId))
    .leftJoin(
      organizationMembers,
      and(eq(organizationMembers.organizationId, organizations.id), eq(organizationMembers.userId, accessGrants.userId), eq(organizationMembers.status, "active")),
    )
    .where(eq(accessGrants.userId, userId))
    .orderBy(sql`case when ${accessGrants.status} in ('active', 'pending') then 0 else 1 end`, asc(providerTaxIds.legalName), asc(accessGrants.taxId), desc(accessGrants.createdAt));
  if (grants.length === 0) return [];

  const grantIds = grants.map((grant) => grant.grantId);
  const [taxIdNpis, chosen] = await Promise.all([
    executor
      .select({ taxId: npiTaxIds.taxId, npi: npis.npi, name: npis.name, type: npis.type })
      .from(npiTaxIds)
      .innerJoin(npis, eq(npis.npi, npiTaxIds.npi))
      .where(inArray(npiTaxIds.taxId, [...new Set(grants.map((grant) => grant.taxId))]))
      .orderBy(asc(npis.type), asc(npis.name)),
    executor.select({ grantId: accessGrantNpis.grantId, npi: accessGrantNpis.npi }).from(accessGrantNpis).where(inArray(accessGrantNpis.grantId, grantIds)),
  ]);

  return grants.map((grant) => {
    const ofTaxId = taxIdNpis.filter((row) => row.taxId === grant.taxId);
    const allowed = grant.allNpis ? null : new Set(chosen.filter((row) => row.grantId === grant.grantId).map((row) => row.npi));
    return {
      ...grant,
      npis: ofTaxId.filter((row) => !allowed || allowed.has(row.npi)).map(({ npi, name, type }) => ({ npi, name, type })),
    };
  });
}

export interface NewGrant {
  userId: string;
  taxId: string;
  method: AccessMethod;
  status: "active" | "pending";
  evidence?: string | null;
  /** null or omitted: the whole Tax ID. */
  npis?: string[] | null;
  grantedByUserId?: string | null;
  expiresAt?: Date | null;
  accessRequestId?: string | null;
  now: Date;
}

/**
 * Adds a grant. Returns null when the person already has a live (pending or active) grant
 * for that Tax ID: the partial unique index decides, not a read before the write.
 */
export async function insertGrant(executor: Executor, grant: NewGrant): Promise<{ id: string } | null> {
  const [row] = await executor
    .insert(accessGrants)
    .values({
      userId: grant.userId,
      taxId: grant.taxId,
      method: grant.method,
      status: grant.status,
      evidence: grant.evidence ?? null,
      allNpis: !grant.npis,
      grantedByUserId: grant.grantedByUserId ?? null,
      expiresAt: grant.expiresAt ?? null,
      accessRequestId: grant.accessRequestId ?? null,
      createdAt: grant.now,
      grantedAt: grant.status === "active" ? grant.now : null,
    })
    .onConflictDoNothing()
    .returning({ id: accessGrants.id });
  if (!row) return null;
  if (grant.npis && grant.npis.length > 0) {
    await executor.insert(accessGrantNpis).values(grant.npis.map((npi) => ({ grantId: row.id, npi })));
  }
  return row;
}

/** The person's live grant for a Tax ID, if any. */
export async function findLiveGrant(executor: Executor, userId: string, taxId: string) {
  const [row] = await executor
    .select({ id: accessGrants.id, status: accessGrants.status, method: accessGrants.method, allNpis: accessGrants.allNpis })
    .from(accessGrants)
    .where(and(eq(accessGrants.userId, userId), eq(accessGrants.taxId, taxId), inArray(accessGrants.status, ["pending", "active"])))
    .limit(1);
  return row ?? null;
}

/** Turns a pending grant active (a PIN redeemed, a request approved). False when it was not pending. */
export async function activateGrant(executor: Executor, grantId: string, values: { now: Date; grantedByUserId?: string | null; evidence?: string | null }): Promise<boolean> {
  const rows = await executor
    .update(accessGrants)
    .set({ status: "active", grantedAt: values.now, grantedByUserId: values.grantedByUserId ?? null, expiresAt: null, ...(values.evidence ? { evidence: values.evidence } : {}) })
    .where(and(eq(accessGrants.id, grantId), eq(accessGrants.status, "pending")))
    .returning({ id: accessGrants.id });
  return rows.length > 0;
}

/** Ends a live grant (revoked, expired or denied), keeping the row as history. */
export async function endGrant(
  executor: Executor,
  grantId: string,
  values: { status: "revoked" | "expired" | "denied"; now: Date; byUserId?: string | null; reason: string },
): Promise<boolean> {
  const rows = await executor
    .update(accessGrants)
    .set({ status: values.status, endedAt: values.now, endedByUserId: values.byUserId ?? null, endedReason: values.reason })
    .where(and(eq(accessGrants.id, grantId), inArray(accessGrants.status, ["pending", "active"])))
    .returning({ id: accessGrants.id });
  return rows.length > 0;
}

/** Ends every live grant a person has for the given Tax IDs; returns the Tax IDs ended. */
export async function endLiveGrantsForTaxIds(
  executor: Executor,
  userId: string,
  taxIds: string[],
  values: { status: "revoked" | "expired"; now: Date; byUserId?: string | null; reason: string },
): Promise<string[]> {
  if (taxIds.length === 0) return [];
  const rows = await executor
    .update(accessGrants)
    .set({ status: values.status, endedAt: values.now, endedByUserId: values.byUserId ?? null, endedReason: values.reason })
    .where(and(eq(accessGrants.userId, userId), inArray(accessGrants.taxId, taxIds), inArray(accessGrants.status, ["pending", "active"])))
    .returning({ taxId: accessGrants.taxId });
  return rows.map((row) => row.taxId);
}

export interface LiveGrantRow {
  grantId: string;
  userId: string;
  taxId: string;
  allNpis: boolean;
  status: AccessStatus;
  /** The chosen NPIs when not the whole Tax ID. */
  npis: string[];
}

/** The live grants of some people for some Tax IDs, with the chosen NPIs: two queries in all. */
export async function listLiveGrants(executor: Executor, userIds: string[], taxIds: string[]): Promise<LiveGrantRow[]> {
  if (userIds.length === 0 || taxIds.length === 0) return [];
  const grants = await executor
    .select({ grantId: accessGrants.id, userId: accessGrants.userId, taxId: accessGrants.taxId, allNpis: accessGrants.allNpis, status: accessGrants.status })
    .from(accessGrants)
    .where(and(inArray(accessGrants.userId, userIds), inArray(accessGrants.taxId, taxIds), inArray(accessGrants.status, ["pending", "active"])));
  if (grants.length === 0) return [];
  const chosen = await executor
    .select({ grantId: accessGrantNpis.grantId, npi: accessGrantNpis.npi })
    .from(accessGrantNpis)
    .where(inArray(accessGrantNpis.grantId, grants.map((grant) => grant.grantId)))
    .orderBy(asc(accessGrantNpis.npi));
  return grants.map((grant) => ({ ...grant, npis: chosen.filter((row) => row.grantId === grant.grantId).map((row) => row.npi) }));
}
