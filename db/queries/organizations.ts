import { and, asc, eq, gt, inArray, isNotNull, lt, isNull, or, sql } from "drizzle-orm";
import { activeMembership } from "./live-status";
import { preparedPerExecutor } from "./prepared";
import type { Executor } from "../client";
import { organizationMembers, organizations, providerTaxIds, users } from "../schema";

export type MemberRole = (typeof organizationMembers.$inferSelect)["role"];

/** An unconfirmed registration holds its place only as long as its confirmation link is valid. */
export const UNCONFIRMED_HOLD_HOURS = 24;

function unconfirmedCutoff(now: Date): Date {
  return new Date(now.getTime() - UNCONFIRMED_HOLD_HOURS * 60 * 60 * 1000);
}

/** A member counts while their account is active and confirmed, or registered within the hold period. */
function countsAsMember(now: Date) {
  return and(
    activeMembership,
    eq(users.status, "active"),
    or(isNotNull(users.emailVerifiedAt), gt(users.createdAt, unconfirmedCutoff(now))),
  );
}

/** Creates the organization for a Tax ID unless it exists; either way returns its id and whether this call created it. */
export async function ensureOrganization(
  executor: Executor,
  values: { kind: "provider" | "billing"; taxId: string; createdByUserId: string; now: Date; name?: string | null; address?: { addressLine1: string; addressLine2?: string | null; city: string; state: string; postalCode: string } },
): Promise<{ id: string; created: boolean; kind: "provider" | "billing" }> {
  const [inserted] = await executor
    .insert(organizations)
    .values({ kind: values.kind, taxId: values.taxId, createdByUserId: values.createdByUserId, createdAt: values.now, name: values.name ?? null, ...values.address })
    .onConflictDoNothing()
    .returning({ id: organizations.id, kind: organizations.kind });
  if (inserted) return { id: inserted.id, created: true, kind: inserted.kind };
  const existing = await findOrganizationByTaxId(executor, values.taxId);
  if (!existing) throw new Error(`Organization ${values.taxId} vanished during registration.`);
  return { id: existing.id, created: false, kind: existing.kind };
}

export async function findOrganizationByTaxId(executor: Executor, taxId: string) {
  const [row] = await executor
    .select({ id: organizations.id, kind: organizations.kind, taxId: organizations.taxId, name: sql<string>`coalesce(${providerTaxIds.legalName}, ${organizations.name})` })
    .from(organizations)
    .leftJoin(providerTaxIds, eq(providerTaxIds.taxId, organizations.taxId))
    .where(eq(organizations.taxId, taxId))
    .limit(1);
  return row ?? null;
}

/**
 * Locks the organization's row until the transaction ends, so that changes to its delegates
 * (adding the first, removing one) are made one at a time.
 */
export async function lockOrganization(executor: Executor, organizationId: string): Promise<void> {
  await executor.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId)).for("update");
}

export interface DelegateContact {
  userId: string;
  firstName: string;
  lastName: string;
  email: string;
}

/** The delegates of an organization who count (see countsAsMember), oldest first. */
export async function listActiveDelegates(executor: Executor, organizationId: string, now = new Date()): Promise<DelegateContact[]> {
  return executor
    .select({ userId: users.id, firstName: users.firstName, lastName: users.lastName, email: users.email })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.role, "delegate"), countsAsMember(now)))
    .orderBy(asc(organizationMembers.joinedAt));
}

/** The active delegates of a Tax ID's organization (none when it is not registered). */
export async function listActiveDelegatesByTaxId(executor: Executor, taxId: string, now = new Date()): Promise<DelegateContact[]> {
  const organization = await findOrganizationByTaxId(executor, taxId);
  return organization ? listActiveDelegates(executor, organization.id, now) : [];
}

export async function insertMembership(
  executor: Executor,
  values: { organizationId: string; userId: string; role: MemberRole; addedByUserId: string | null; now: Date },
): Promise<{ id: string } | null> {
  const [row] = await executor
    .insert(organizationMembers)
    .values({ organizationId: values.organizationId, userId: values.userId, role: values.role, addedByUserId: values.addedByUserId, joinedAt: values.now })
    .onConflictDoNothing()
    .returning({ id: organizationMembers.id });
  return row ?? null;
}

/** A person's live membership of an organization, if any. */
export async function findLiveMembership(executor: Executor, organizationId: string, userId: string) {
  const [row] = await executor
    .select({ id: organizationMembers.id, role: organizationMembers.role })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId), activeMembership))
    .limit(1);
  return row ?? null;
}

export async function setMemberRole(executor: Executor, membershipId: string, role: MemberRole): Promise<void> {
  await executor.update(organizationMembers).set({ role }).where(eq(organizationMembers.id, membershipId));
}

export async function removeMembership(executor: Executor, membershipId: string, values: { byUserId: string | null; reason: string; now: Date }): Promise<boolean> {
  const rows = await executor
    .update(organizationMembers)
    .set({ status: "removed", removedAt: values.now, removedByUserId: values.byUserId, removedReason: values.reason })
    .where(and(eq(organizationMembers.id, membershipId), activeMembership))
    .returning({ id: organizationMembers.id });
  return rows.length > 0;
}

export interface Membership {
  membershipId: string;
  organizationId: string;
  kind: "provider" | "billing";
  taxId: string;
  organizationName: string | null;
  role: MemberRole;
}

const membershipsQuery = preparedPerExecutor((executor) =>
  executor
    .select({
      membershipId: organizationMembers.id,
      organizationId: organizations.id,
      kind: organizations.kind,
      taxId: organizations.taxId,
      organizationName: sql<string | null>`coalesce(${providerTaxIds.legalName}, ${organizations.name})`,
      role: organizationMembers.role,
    })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .leftJoin(providerTaxIds, eq(providerTaxIds.taxId, organizations.taxId))
    .where(and(eq(organizationMembers.userId, sql.placeholder("userId")), activeMembership))
    .orderBy(asc(organizations.taxId))
    .prepare("list_memberships_for_user"),
);

/** The organizations a person belongs to now, with their role in each (every signed-in page reads them). */
export async function listMembershipsForUser(executor: Executor, userId: string): Promise<Membership[]> {
  return membershipsQuery(executor).execute({ userId });
}

/**
 * Memberships of people who never confirmed their email within the hold period (optionally
 * for some organizations only): the registrations to release.
 */
export async function listUnconfirmedMemberships(executor: Executor, now: Date, organizationIds?: string[]) {
  return executor
    .select({ membershipId: organizationMembers.id, organizationId: organizationMembers.organizationId, userId: organizationMembers.userId, taxId: organizations.taxId })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(
      and(
        activeMembership,
        isNull(users.emailVerifiedAt),
        lt(users.createdAt, unconfirmedCutoff(now)),
        organizationIds ? inArray(organizationMembers.organizationId, organizationIds) : undefined,
      ),
    );
}

export interface OrganizationMemberRow {
  membershipId: string;
  organizationId: string;
  userId: string;
  firstName: string;
  lastName: string;
  email: string;
  role: MemberRole;
  accountStatus: "active" | "deactivated";
  emailVerified: boolean;
  joinedAt: Date;
}

/** The live members of the given organizations, with the few account details a delegate sees. */
export async function listOrganizationMembers(executor: Executor, organizationIds: string[]): Promise<OrganizationMemberRow[]> {
  if (organizationIds.length === 0) return [];
  return executor
    .select({
      membershipId: organizationMembers.id,
      organizationId: organizationMembers.organizationId,
      userId: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      role: organizationMembers.role,
      accountStatus: users.status,
      emailVerified: sql<boolean>`${users.emailVerifiedAt} is not null`,
      joinedAt: organizationMembers.joinedAt,
    })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(and(inArray(organizationMembers.organizationId, organizationIds), activeMembership))
    .orderBy(asc(users.lastName), asc(users.firstName), asc(users.id));
}

/** Whether an address belongs to a live member of an organization (for "already a user here"). */
export async function isMemberByEmail(executor: Executor, organizationId: string, email: string): Promise<boolean> {
  const [row] = await executor
    .select({ id: organizationMembers.id })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(users.email, email), activeMembership))
    .limit(1);
  return Boolean(row);
}

export async function findOrganizationById(executor: Executor, organizationId: string) {
  const [row] = await executor.select({ id: organizations.id, taxId: organizations.taxId, kind: organizations.kind }).from(organizations).where(eq(organizations.id, organizationId)).limit(1);
  return row ?? null;
}
