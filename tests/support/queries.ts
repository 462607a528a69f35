import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { auditEvents, organizationMembers, organizations, users, type AuditEvent } from "@/db/schema";

/** Rows in a table, optionally filtered: for "this created nothing" assertions. */
export async function countRows(table: PgTable, where?: SQL): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(table).where(where);
  return Number(row?.count ?? 0);
}

export async function findUserByEmail(email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return user ?? null;
}

/** The audit events of one request (every lib/ call records its context's request id). */
export async function auditEventsFor(requestId: string, action?: string): Promise<AuditEvent[]> {
  return db
    .select()
    .from(auditEvents)
    .where(action ? and(eq(auditEvents.requestId, requestId), eq(auditEvents.action, action)) : eq(auditEvents.requestId, requestId))
    .orderBy(asc(auditEvents.id));
}

/** The SQLSTATE of a driver error: both drivers wrap it, with the code at `cause.code`. */
export function sqlStateOf(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; cause?: { code?: unknown } };
  const code = candidate?.cause?.code ?? candidate?.code;
  return typeof code === "string" ? code : undefined;
}

/** The user ids of a Tax ID's organization's live delegates (null when it is not registered). */
export async function delegatesOfTaxId(taxId: string): Promise<string[] | null> {
  const [organization] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.taxId, taxId));
  if (!organization) return null;
  const rows = await db
    .select({ userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organization.id), eq(organizationMembers.role, "delegate"), eq(organizationMembers.status, "active")))
    .orderBy(asc(organizationMembers.joinedAt));
  return rows.map((row) => row.userId);
}
