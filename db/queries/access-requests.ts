import { and, asc, desc, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { activeMembership, liveGrant, pendingRequest } from "./live-status";
import { preparedPerExecutor } from "./prepared";
import type { Executor } from "../client";
import { accessGrants, accessRequests, organizationMembers, organizations, providerTaxIds, users, type AccessRequestStatus } from "../schema";

/** How long a provider's office has to answer a billing organization's request. */
export const ACCESS_REQUEST_DAYS = 30;

export interface NewAccessRequest {
  requesterUserId: string;
  billingOrganizationId: string;
  providerTaxId: string;
  /** null: every NPI of the Tax ID. */
  npis: string[] | null;
  contactName: string;
  contactEmail: string;
  tokenHash: string;
  replacesRequestId?: string | null;
  now: Date;
  expiresAt: Date;
}

/**
 * Adds a pending request. Returns null when the requester already has a pending request for that
 * Tax ID: the partial unique index decides (a double submit makes one request).
 */
export async function insertAccessRequest(executor: Executor, request: NewAccessRequest): Promise<{ id: string } | null> {
  const [row] = await executor
    .insert(accessRequests)
    .values({
      requesterUserId: request.requesterUserId,
      billingOrganizationId: request.billingOrganizationId,
      providerTaxId: request.providerTaxId,
      allNpis: !request.npis,
      npis: request.npis,
      contactName: request.contactName,
      contactEmail: request.contactEmail,
      tokenHash: request.tokenHash,
      replacesRequestId: request.replacesRequestId ?? null,
      createdAt: request.now,
      expiresAt: request.expiresAt,
    })
    .onConflictDoNothing()
    .returning({ id: accessRequests.id });
  return row ?? null;
}

const requester = alias(users, "requester");
const decider = alias(users, "decider");

const requestColumns = {
  id: accessRequests.id,
  status: accessRequests.status,
  requesterUserId: accessRequests.requesterUserId,
  requesterFirstName: requester.firstName,
  requesterLastName: requester.lastName,
  requesterEmail: requester.email,
  billingOrganizationId: accessRequests.billingOrganizationId,
  billingOrganizationName: organizations.name,
  billingTaxId: organizations.taxId,
  providerTaxId: accessRequests.providerTaxId,
  providerName: providerTaxIds.legalName,
  allNpis: accessRequests.allNpis,
  npis: accessRequests.npis,
  contactName: accessRequests.contactName,
  contactEmail: accessRequests.contactEmail,
  createdAt: accessRequests.createdAt,
  expiresAt: accessRequests.expiresAt,
  decidedAt: accessRequests.decidedAt,
  deciderFirstName: decider.firstName,
  deciderLastName: decider.lastName,
  revokedAt: accessRequests.revokedAt,
  replacesRequestId: accessRequests.replacesRequestId,
};

export type AccessRequestRow = {
  id: string;
  status: AccessRequestStatus;
  requesterUserId: string;
  requesterFirstName: string;
  requesterLastName: string;
  requesterEmail: string;
  billingOrganizationId: string;
  billingOrganizationName: string | null;
  billingTaxId: string;
  providerTaxId: string;
  providerName: string | null;
  allNpis: boolean;
  npis: string[] | null;
  contactName: string;
  contactEmail: string;
  createdAt: Date;
  expiresAt: Date;
  decidedAt: Date | null;
  deciderFirstName: string | null;
  deciderLastName: string | null;
  revokedAt: Date | null;
  replacesRequestId: string | null;
};

function selectRequests(executor: Executor) {
  return executor
    .select(requestColumns)
    .from(accessRequests)
    .innerJoin(requester, eq(requester.id, accessRequests.requesterUserId))
    .innerJoin(organizations, eq(organizations.id, accessRequests.billingOrganizationId))
    .leftJoin(providerTaxIds, eq(providerTaxIds.taxId, accessRequests.providerTaxId))
    .leftJoin(decider, eq(decider.id, accessRequests.decidedByUserId));
}

/** One request with who asked, for whom and who answered. */
export async function findAccessRequest(executor: Executor, requestId: string): Promise<AccessRequestRow | null> {
  const [row] = await selectRequests(executor).where(eq(accessRequests.id, requestId)).limit(1);
  return row ?? null;
}

/** The request an approval link's token belongs to (any status: a used link is told what became of it). */
export async function findAccessRequestIdByToken(executor: Executor, tokenHash: string): Promise<string | null> {
  const [row] = await executor.select({ id: accessRequests.id }).from(accessRequests).where(eq(accessRequests.tokenHash, tokenHash)).limit(1);
  return row?.id ?? null;
}

const requestsByRequesterQuery = preparedPerExecutor((executor) =>
  selectRequests(executor).where(eq(accessRequests.requesterUserId, sql.placeholder("requesterUserId"))).orderBy(desc(accessRequests.createdAt)).prepare("list_requests_by_requester"),
);

/** Every request a billing user made, newest first. */
export async function listRequestsByRequester(executor: Executor, requesterUserId: string): Promise<AccessRequestRow[]> {
  return requestsByRequesterQuery(executor).execute({ requesterUserId });
}

/**
 * The provider Tax IDs a person is a delegate of now, as a subquery: the delegate's reads on /access
 * take the person rather than a list of Tax IDs, so each is one prepared statement whatever their number.
 */
function taxIdsDelegatedBy(executor: Executor) {
  return executor
    .select({ taxId: organizations.taxId })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(and(eq(organizationMembers.userId, sql.placeholder("userId")), activeMembership, sql`${organizationMembers.role} = 'delegate'`, sql`${organizations.kind} = 'provider'`));
}

const pendingForDelegateQuery = preparedPerExecutor((executor) =>
  selectRequests(executor)
    .where(and(inArray(accessRequests.providerTaxId, taxIdsDelegatedBy(executor)), pendingRequest, gt(accessRequests.expiresAt, sql.placeholder("now"))))
    .orderBy(asc(accessRequests.createdAt))
    .prepare("list_pending_requests_for_delegate"),
);

/** The requests still waiting for an answer on the Tax IDs a person is a delegate of, oldest first. */
export async function listPendingRequestsForDelegate(executor: Executor, userId: string, now: Date): Promise<AccessRequestRow[]> {
  return pendingForDelegateQuery(executor).execute({ userId, now: now.toISOString() });
}

/** The requester's pending request for a Tax ID that is still within its 30 days, if any. */
export async function findOpenRequest(executor: Executor, requesterUserId: string, providerTaxId: string, now: Date) {
  const [row] = await executor
    .select({ id: accessRequests.id, createdAt: accessRequests.createdAt, expiresAt: accessRequests.expiresAt })
    .from(accessRequests)
    .where(
      and(
        eq(accessRequests.requesterUserId, requesterUserId),
        eq(accessRequests.providerTaxId, providerTaxId),
        pendingRequest,
        gt(accessRequests.expiresAt, now),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * Marks pending requests past their 30 days as expired (optionally only some requesters' or
 * some requests); returns the ones this call expired, so each is audited once.
 */
export async function expireOverdueRequests(executor: Executor, now: Date, only?: { requesterUserId?: string; requestIds?: string[] }) {
  return executor
    .update(accessRequests)
    .set({ status: "expired" })
    .where(
      and(
        pendingRequest,
        lte(accessRequests.expiresAt, now),
        only?.requesterUserId ? eq(accessRequests.requesterUserId, only.requesterUserId) : undefined,
        only?.requestIds ? inArray(accessRequests.id, only.requestIds) : undefined,
      ),
    )
    .returning({ id: accessRequests.id, requesterUserId: accessRequests.requesterUserId, providerTaxId: accessRequests.providerTaxId });
}

/**
 * Records the answer to a request that is still pending and within its 30 days, in one
 * statement: of two delegates answering at once, exactly one gets the row back.
 */
export async function decideAccessRequest(executor: Executor, requestId: string, values: { decision: "approved" | "denied"; byUserId: string; now: Date }): Promise<boolean> {
  const rows = await executor
    .update(accessRequests)
    .set({ status: values.decision, decidedAt: values.now, decidedByUserId: values.byUserId })
    .where(and(eq(accessRequests.id, requestId), pendingRequest, gt(accessRequests.expiresAt, values.now)))
    .returning({ id: accessRequests.id });
  return rows.length > 0;
}

/** Takes back every approved request of a billing organization for a provider's Tax ID; returns their ids. */
export async function revokeApprovedRequests(executor: Executor, values: { billingOrganizationId: string; providerTaxId: string; byUserId: string; now: Date }): Promise<string[]> {
  const rows = await executor
    .update(accessRequests)
    .set({ status: "revoked", revokedAt: values.now, revokedByUserId: values.byUserId })
    .where(
      and(
        eq(accessRequests.billingOrganizationId, values.billingOrganizationId),
        eq(accessRequests.providerTaxId, values.providerTaxId),
        eq(accessRequests.status, "approved"),
      ),
    )
    .returning({ id: accessRequests.id });
  return rows.map((row) => row.id);
}

/** Ends the live grants on a Tax ID of everyone who is or was a member of an organization; returns whose. */
export async function endGrantsOfOrganizationMembers(executor: Executor, values: { organizationId: string; taxId: string; byUserId: string; now: Date; reason: string }): Promise<string[]> {
  const members = executor.select({ userId: organizationMembers.userId }).from(organizationMembers).where(eq(organizationMembers.organizationId, values.organizationId));
  const rows = await executor
    .update(accessGrants)
    .set({ status: "revoked", endedAt: values.now, endedByUserId: values.byUserId, endedReason: values.reason })
    .where(and(eq(accessGrants.taxId, values.taxId), liveGrant, inArray(accessGrants.userId, members)))
    .returning({ userId: accessGrants.userId });
  return rows.map((row) => row.userId);
}

export interface BillingAccessRow {
  billingOrganizationId: string;
  billingOrganizationName: string | null;
  billingTaxId: string;
  providerTaxId: string;
  providerName: string | null;
  /** When the first of its approved requests was approved. */
  approvedAt: Date | null;
  /** The people of the billing organization who now have access to the Tax ID. */
  peopleWithAccess: number;
}

const billingAccessForDelegateQuery = preparedPerExecutor((executor) =>
  executor
    .select({
      billingOrganizationId: accessRequests.billingOrganizationId,
      billingOrganizationName: organizations.name,
      billingTaxId: organizations.taxId,
      providerTaxId: accessRequests.providerTaxId,
      providerName: providerTaxIds.legalName,
      approvedAt: sql<Date | null>`min(${accessRequests.decidedAt})`.mapWith(accessRequests.decidedAt),
      peopleWithAccess: sql<number>`(
        select count(distinct g.user_id)::int from access_grants g
        join organization_members m on m.user_id = g.user_id and m.organization_id = ${accessRequests.billingOrganizationId}
        where g.tax_id = ${accessRequests.providerTaxId} and g.status = 'active'
      )`,
    })
    .from(accessRequests)
    .innerJoin(organizations, eq(organizations.id, accessRequests.billingOrganizationId))
    .leftJoin(providerTaxIds, eq(providerTaxIds.taxId, accessRequests.providerTaxId))
    .where(and(inArray(accessRequests.providerTaxId, taxIdsDelegatedBy(executor)), sql`${accessRequests.status} = 'approved'`))
    .groupBy(accessRequests.billingOrganizationId, organizations.name, organizations.taxId, accessRequests.providerTaxId, providerTaxIds.legalName)
    .orderBy(asc(organizations.name))
    .prepare("list_billing_access_for_delegate"),
);

/** The billing organizations the Tax IDs a person is a delegate of have approved (and not revoked), with how many of their people have access. */
export async function listBillingAccessForDelegate(executor: Executor, userId: string): Promise<BillingAccessRow[]> {
  return billingAccessForDelegateQuery(executor).execute({ userId });
}

export type ReminderRound = "first" | "second";

/** Days before expiry each reminder goes out. */
export const REMINDER_DAYS_BEFORE_EXPIRY: Record<ReminderRound, number> = { first: 7, second: 3 };

/**
 * Claims the pending requests due a reminder, marking them sent in the same statement: a row
 * already marked (by another job runner at the same moment) is not returned twice, because
 * PostgreSQL re-checks "not yet sent" after waiting for the other runner's lock. The second
 * reminder also marks the first (a request that missed the first gets only the second).
 */
export async function claimDueReminders(executor: Executor, round: ReminderRound, now: Date, limit = 100): Promise<string[]> {
  const dueBy = new Date(now.getTime() + REMINDER_DAYS_BEFORE_EXPIRY[round] * 24 * 60 * 60 * 1000);
  const notYet = round === "first" ? isNull(accessRequests.firstReminderSentAt) : isNull(accessRequests.secondReminderSentAt);
  const laterRound = new Date(now.getTime() + REMINDER_DAYS_BEFORE_EXPIRY.second * 24 * 60 * 60 * 1000);
  const due = executor
    .select({ id: accessRequests.id })
    .from(accessRequests)
    .where(
      and(
        pendingRequest,
        gt(accessRequests.expiresAt, now),
        lte(accessRequests.expiresAt, dueBy),
        // The first reminder is not sent once the second one is due.
        round === "first" ? gt(accessRequests.expiresAt, laterRound) : undefined,
        notYet,
      ),
    )
    .orderBy(asc(accessRequests.expiresAt))
    .limit(limit);
  const rows = await executor
    .update(accessRequests)
    .set(
      round === "first"
        ? { firstReminderSentAt: now }
        : { secondReminderSentAt: now, firstReminderSentAt: sql`coalesce(${accessRequests.firstReminderSentAt}, ${now.toISOString()}::timestamptz)` },
    )
    .where(and(inArray(accessRequests.id, due), pendingRequest, notYet))
    .returning({ id: accessRequests.id });
  return rows.map((row) => row.id);
}
