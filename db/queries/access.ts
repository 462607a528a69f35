import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { activeMembership, liveGrant } from "./live-status";
import { preparedPerExecutor } from "./prepared";
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
  /** How many NPIs the grant covers: all of the Tax ID's, or the chosen ones that bill under it. */
  npiCount: number;
  /** Those NPIs, when there are at most INLINE_NPI_LIMIT of them; empty for a larger practice (see pageGrantNpis). */
  npis: GrantNpi[];
}

/** A Tax ID with more NPIs than this (a hospital system) shows a count and a paged list instead of every NPI. */
export const INLINE_NPI_LIMIT = 25;

/** The NPIs a grant covers: the Tax ID's NPIs, all of them or only the chosen ones (correlated on access_grants). */
const coveredByGrant = sql`${npiTaxIds.taxId} = ${accessGrants.taxId}
  and (${accessGrants.allNpis} or exists (select 1 from ${accessGrantNpis} where ${accessGrantNpis.grantId} = ${accessGrants.id} and ${accessGrantNpis.npi} = ${npiTaxIds.npi}))`;

/**
 * Every grant a person has had (live ones first, then history), with the number of NPIs each
 * covers and, for a practice of at most INLINE_NPI_LIMIT NPIs, the NPIs themselves. One round
 * trip whatever the number of grants. Each grant reads at most INLINE_NPI_LIMIT + 1 of its NPIs
 * (through npi_tax_ids' primary key, tax_id then npi) with their names: a practice's whole list, or
 * just enough to know it is a hospital system, whose thousands of NPIs are then counted through
 * the index, never read. The names are read NPI by NPI (a LATERAL ... LIMIT 1 is never flattened
 * into a join): a planner misled by one hospital system's 5,000 NPIs would otherwise hash-join the
 * whole npis table. They come back as text (JSON arrays of [npi, name, type]), parsed and put in
 * order below: both drivers hand back the same string whatever their JSON settings, and sorting a
 * few NPIs in JavaScript spares PostgreSQL a sort for every grant.
 */
const listAccessQuery = preparedPerExecutor((executor) => {
  // The limits are in the text, not parameters: the plan kept for any person is made for them.
  const inline = executor
    .select({
      count: sql<number>`count(*)::int`.as("inline_count"),
      npis: sql<string | null>`json_agg(json_build_array(firsts.npi, named.name, named.type))::text`.as("inline_npis"),
    })
    .from(
      sql`(select ${npiTaxIds.npi} as npi from ${npiTaxIds} where ${coveredByGrant} limit ${sql.raw(String(INLINE_NPI_LIMIT + 1))}) as firsts
        cross join lateral (select ${npis.name} as name, ${npis.type} as type from ${npis} where ${npis.npi} = firsts.npi limit 1) as named`,
    )
    .as("inline");
  const inlined = sql`${inline.count} <= ${sql.raw(String(INLINE_NPI_LIMIT))}`;
  return executor
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
      npiCount: sql<number>`case when ${inlined} then ${inline.count} else (select count(*)::int from ${npiTaxIds} where ${coveredByGrant}) end`.mapWith(Number),
      npis: sql<string | null>`case when ${inlined} then ${inline.npis} end`,
    })
    .from(accessGrants)
    .leftJoin(providerTaxIds, eq(providerTaxIds.taxId, accessGrants.taxId))
    .leftJoin(organizations, eq(organizations.taxId, accessGrants.taxId))
    .leftJoin(
      organizationMembers,
      and(eq(organizationMembers.organizationId, organizations.id), eq(organizationMembers.userId, accessGrants.userId), activeMembership),
    )
    .crossJoinLateral(inline)
    .where(eq(accessGrants.userId, sql.placeholder("userId")))
    .orderBy(sql`case when ${accessGrants.status} in ('active', 'pending') then 0 else 1 end`, asc(providerTaxIds.legalName), asc(accessGrants.taxId), desc(accessGrants.createdAt))
    .prepare("list_access_for_user");
});

const NPI_TYPE_ORDER: Record<GrantNpi["type"], number> = { individual: 0, organization: 1 };

/** Individuals first, then organizations, each by name (then NPI): as people look for them. */
function byTypeThenName(left: GrantNpi, right: GrantNpi): number {
  return NPI_TYPE_ORDER[left.type] - NPI_TYPE_ORDER[right.type] || compareText(left.name, right.name) || compareText(left.npi, right.npi);
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function parseGrantNpis(text: string | null): GrantNpi[] {
  if (!text) return [];
  const tuples = JSON.parse(text) as Array<[string, string, GrantNpi["type"]]>;
  return tuples.map(([npi, name, type]) => ({ npi, name, type })).sort(byTypeThenName);
}

export async function listAccessForUser(executor: Executor, userId: string): Promise<AccessRow[]> {
  const rows = await listAccessQuery(executor).execute({ userId });

  return rows.map((row) => ({ ...row, npis: parseGrantNpis(row.npis) }));
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
    .where(and(eq(accessGrants.userId, userId), eq(accessGrants.taxId, taxId), liveGrant))
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
    .where(and(eq(accessGrants.id, grantId), liveGrant))
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
    .where(and(eq(accessGrants.userId, userId), inArray(accessGrants.taxId, taxIds), liveGrant))
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
    .where(and(inArray(accessGrants.userId, userIds), inArray(accessGrants.taxId, taxIds), liveGrant));
  if (grants.length === 0) return [];
  const chosen = await executor
    .select({ grantId: accessGrantNpis.grantId, npi: accessGrantNpis.npi })
    .from(accessGrantNpis)
    .where(inArray(accessGrantNpis.grantId, grants.map((grant) => grant.grantId)))
    .orderBy(asc(accessGrantNpis.npi));
  return grants.map((grant) => ({ ...grant, npis: chosen.filter((row) => row.grantId === grant.grantId).map((row) => row.npi) }));
}

export interface GrantNpiPage {
  taxId: string;
  organizationName: string | null;
  allNpis: boolean;
  /** NPIs the grant covers that match the search (all of them without one). */
  total: number;
  /** The page shown: the one asked for, or the last one when that is past the end. */
  page: number;
  pageCount: number;
  /** This page's NPIs, in NPI order. */
  npis: GrantNpi[];
}

/**
 * NPI digits (a prefix) or a name (any part of it, any case), on npi_tax_ids rows: LIKE's own
 * characters are taken literally. A digits search never reads the npis table; a name is read per
 * NPI of the Tax ID (a scalar subquery is never turned into a join over all of npis).
 */
function matchesSearch(search: string | null) {
  if (!search) return sql`true`;
  const pattern = search.replace(/[\\%_]/g, (character) => `\\${character}`);
  return /^\d+$/.test(search)
    ? sql`${npiTaxIds.npi} like ${`${pattern}%`}`
    : sql`(select ${npis.name} from ${npis} where ${npis.npi} = ${npiTaxIds.npi}) ilike ${`%${pattern}%`}`;
}

const liveGrantOf = (userId: string, taxId: string) => and(eq(accessGrants.userId, userId), eq(accessGrants.taxId, taxId), liveGrant);

/**
 * One page of the NPIs a person's live grant for a Tax ID covers (all of the Tax ID's, or only the
 * chosen ones), optionally searched, in NPI order, with how many match. Null when the person has
 * no live grant for that Tax ID. Two round trips: the grant with the count (an index-only scan of
 * npi_tax_ids' primary key, tax_id then npi), then the page, skipped along that same index before
 * the page's rows (and only they) are joined to their names: a hospital system's last page
 * reads 50 NPIs, not 5,000.
 */
export async function pageGrantNpis(
  executor: Executor,
  input: { userId: string; taxId: string; search: string | null; page: number; pageSize: number },
): Promise<GrantNpiPage | null> {
  const search = matchesSearch(input.search);
  const [grant] = await executor
    .select({
      grantId: accessGrants.id,
      taxId: accessGrants.taxId,
      organizationName: sql<string | null>`coalesce(${providerTaxIds.legalName}, ${organizations.name})`,
      allNpis: accessGrants.allNpis,
      total: sql<number>`(select count(*)::int from ${npiTaxIds} where ${coveredByGrant} and ${search})`.mapWith(Number),
    })
    .from(accessGrants)
    .leftJoin(providerTaxIds, eq(providerTaxIds.taxId, accessGrants.taxId))
    .leftJoin(organizations, eq(organizations.taxId, accessGrants.taxId))
    .where(liveGrantOf(input.userId, input.taxId))
    .limit(1);
  if (!grant) return null;
  const { grantId, ...found } = grant;
  const pageCount = Math.max(1, Math.ceil(found.total / input.pageSize));
  const page = Math.min(Math.max(1, Math.floor(input.page)), pageCount);
  if (found.total === 0) return { ...found, page, pageCount, npis: [] };
  const chosen = found.allNpis
    ? sql`true`
    : sql`exists (select 1 from ${accessGrantNpis} where ${accessGrantNpis.grantId} = ${grantId} and ${accessGrantNpis.npi} = ${npiTaxIds.npi})`;
  const onPage = executor
    .select({ npi: npiTaxIds.npi })
    .from(npiTaxIds)
    .where(and(eq(npiTaxIds.taxId, found.taxId), chosen, search))
    .orderBy(asc(npiTaxIds.npi))
    .limit(input.pageSize)
    .offset((page - 1) * input.pageSize)
    .as("on_page");
  const rows = await executor
    .select({ npi: npis.npi, name: npis.name, type: npis.type })
    .from(onPage)
    .innerJoin(npis, eq(npis.npi, onPage.npi))
    .orderBy(asc(npis.npi));
  return { ...found, page, pageCount, npis: rows };
}
