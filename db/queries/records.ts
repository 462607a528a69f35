import { and, asc, desc, eq, ilike, like } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { activeMembership, pendingRequest } from "./live-status";
import type { Executor } from "../client";
import { accessRequests, auditEvents, npiTaxIds, npis, organizationMembers, organizations, providerTaxIds, users } from "../schema";

const recordSummary = { taxId: providerTaxIds.taxId, legalName: providerTaxIds.legalName, city: providerTaxIds.city, state: providerTaxIds.state };

/** The records of one Tax ID (primary key), as a one-row list. */
export async function searchRecordsByTaxId(executor: Executor, taxId: string) {
  return executor.select(recordSummary).from(providerTaxIds).where(eq(providerTaxIds.taxId, taxId));
}

/** The Tax IDs an NPI bills under. */
export async function searchRecordsByNpi(executor: Executor, npi: string) {
  return executor
    .select(recordSummary)
    .from(npiTaxIds)
    .innerJoin(providerTaxIds, eq(providerTaxIds.taxId, npiTaxIds.taxId))
    .where(eq(npiTaxIds.npi, npi))
    .orderBy(asc(providerTaxIds.legalName));
}

/** Tax IDs whose legal name contains the words (case-insensitive; % and _ typed are taken literally). */
export async function searchRecordsByName(executor: Executor, name: string, limit = 25) {
  const pattern = `%${name.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return executor.select(recordSummary).from(providerTaxIds).where(ilike(providerTaxIds.legalName, pattern)).orderBy(asc(providerTaxIds.legalName)).limit(limit);
}

/** A Tax ID's record: name and address of record (the same lookup registration uses). */
export { findProviderTaxId as findRecord } from "./reference";

/** The NPIs that bill under a Tax ID. */
export async function listRecordNpis(executor: Executor, taxId: string) {
  return executor
    .select({ npi: npis.npi, type: npis.type, name: npis.name })
    .from(npiTaxIds)
    .innerJoin(npis, eq(npis.npi, npiTaxIds.npi))
    .where(eq(npiTaxIds.taxId, taxId))
    .orderBy(asc(npis.npi));
}

/** The portal's delegates and users of a Tax ID's organization (live memberships), delegates first. */
export async function listRecordMembers(executor: Executor, taxId: string) {
  return executor
    .select({
      userId: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      accountStatus: users.status,
      role: organizationMembers.role,
      joinedAt: organizationMembers.joinedAt,
    })
    .from(organizations)
    .innerJoin(organizationMembers, and(eq(organizationMembers.organizationId, organizations.id), activeMembership))
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(eq(organizations.taxId, taxId))
    .orderBy(asc(organizationMembers.role), asc(users.lastName), asc(users.firstName));
}

/** Billing organizations' requests for this Tax ID still waiting for a delegate's answer, oldest first. */
export async function listOpenBillingRequests(executor: Executor, taxId: string) {
  return executor
    .select({
      id: accessRequests.id,
      billingOrganization: organizations.name,
      billingTaxId: organizations.taxId,
      contactName: accessRequests.contactName,
      contactEmail: accessRequests.contactEmail,
      allNpis: accessRequests.allNpis,
      npis: accessRequests.npis,
      createdAt: accessRequests.createdAt,
      expiresAt: accessRequests.expiresAt,
    })
    .from(accessRequests)
    .innerJoin(organizations, eq(organizations.id, accessRequests.billingOrganizationId))
    .where(and(eq(accessRequests.providerTaxId, taxId), pendingRequest))
    .orderBy(asc(accessRequests.createdAt));
}

const actors = alias(users, "actor");
const subjects = alias(users, "subject");

/** The audit trail of a Tax ID's grants (access.* events), newest first, with who acted and for whom. */
export async function listGrantAuditTrail(executor: Executor, taxId: string, limit = 100) {
  return executor
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      reason: auditEvents.reason,
      details: auditEvents.details,
      actorLabel: auditEvents.actorLabel,
      actorFirstName: actors.firstName,
      actorLastName: actors.lastName,
      subjectFirstName: subjects.firstName,
      subjectLastName: subjects.lastName,
    })
    .from(auditEvents)
    .leftJoin(actors, eq(actors.id, auditEvents.actorUserId))
    .leftJoin(subjects, eq(subjects.id, auditEvents.subjectUserId))
    .where(and(eq(auditEvents.taxId, taxId), like(auditEvents.action, "access.%")))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit);
}

