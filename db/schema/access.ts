import { sql } from "drizzle-orm";
import { boolean, char, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { organizations } from "./organizations";

export const accessMethodEnum = pgEnum("access_method", [
  "check",
  "nonpayment_notice",
  "us_mail_pin",
  "delegate",
  "billing_approval",
  "representative",
]);
export const accessStatusEnum = pgEnum("access_status", ["active", "pending", "expired", "revoked", "denied"]);
export type AccessMethod = (typeof accessMethodEnum.enumValues)[number];
export type AccessStatus = (typeof accessStatusEnum.enumValues)[number];

/** The statuses of a grant that is still alive: at most one per person and Tax ID. */
export const LIVE_ACCESS_STATUSES = ["pending", "active"] as const satisfies readonly AccessStatus[];

/**
 * What a person may see: a whole Tax ID (all_npis) or the NPIs listed in access_grant_npis.
 * Grants keep their history: a grant ends (expired, revoked, denied) and a new request is a
 * new row, never an overwrite. The partial unique index keeps one live grant per person and Tax ID.
 */
export const accessGrants = pgTable(
  "access_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    taxId: char("tax_id", { length: 9 }).notNull(),
    allNpis: boolean("all_npis").notNull().default(true),
    method: accessMethodEnum("method").notNull(),
    /** A non-secret description of the proof, e.g. "Check ending 1001". */
    evidence: text("evidence"),
    status: accessStatusEnum("status").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the grant became active (null while pending). */
    grantedAt: timestamp("granted_at", { withTimezone: true }),
    grantedByUserId: uuid("granted_by_user_id").references(() => users.id),
    /** When a pending grant stops waiting (a PIN letter's or a request's expiry). */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedByUserId: uuid("ended_by_user_id").references(() => users.id),
    endedReason: varchar("ended_reason", { length: 64 }),
    /** The billing request this grant answers, if any. */
    accessRequestId: uuid("access_request_id"),
  },
  (table) => [
    uniqueIndex("access_grants_live_key").on(table.userId, table.taxId).where(sql`${table.status} in ('pending', 'active')`),
    index("access_grants_user_idx").on(table.userId, table.createdAt),
    index("access_grants_tax_id_idx").on(table.taxId),
  ],
);
export type AccessGrant = typeof accessGrants.$inferSelect;

/** The NPIs of a grant that does not cover the whole Tax ID. */
export const accessGrantNpis = pgTable(
  "access_grant_npis",
  {
    grantId: uuid("grant_id")
      .notNull()
      .references(() => accessGrants.id),
    npi: char("npi", { length: 10 }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.grantId, table.npi] })],
);

export const accessRequestStatusEnum = pgEnum("access_request_status", ["pending", "approved", "denied", "expired", "cancelled", "revoked"]);
export type AccessRequestStatus = (typeof accessRequestStatusEnum.enumValues)[number];

/**
 * A billing organization's request for access to a provider's Tax ID, approved by email by a
 * delegate of that provider. Only a hash of the approval link's token is kept. A re-request
 * after expiry is a new row pointing at the one it replaces.
 */
export const accessRequests = pgTable(
  "access_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requesterUserId: uuid("requester_user_id")
      .notNull()
      .references(() => users.id),
    billingOrganizationId: uuid("billing_organization_id")
      .notNull()
      .references(() => organizations.id),
    providerTaxId: char("provider_tax_id", { length: 9 }).notNull(),
    allNpis: boolean("all_npis").notNull().default(true),
    /** The chosen NPIs when not the whole Tax ID. */
    npis: char("npis", { length: 10 }).array(),
    contactName: text("contact_name").notNull(),
    contactEmail: varchar("contact_email", { length: 254 }).notNull(),
    status: accessRequestStatusEnum("status").notNull().default("pending"),
    tokenHash: char("token_hash", { length: 64 }).unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id),
    firstReminderSentAt: timestamp("first_reminder_sent_at", { withTimezone: true }),
    secondReminderSentAt: timestamp("second_reminder_sent_at", { withTimezone: true }),
    replacesRequestId: uuid("replaces_request_id"),
    /** When a provider's delegate took an approved access back (status revoked). */
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedByUserId: uuid("revoked_by_user_id").references(() => users.id),
  },
  (table) => [
    index("access_requests_requester_idx").on(table.requesterUserId, table.createdAt),
    index("access_requests_provider_idx").on(table.providerTaxId, table.status),
    index("access_requests_due_idx").on(table.status, table.expiresAt),
    index("access_requests_billing_idx").on(table.billingOrganizationId, table.providerTaxId),
    uniqueIndex("access_requests_live_key")
      .on(table.requesterUserId, table.providerTaxId)
      .where(sql`${table.status} = 'pending'`),
  ],
);
export type AccessRequest = typeof accessRequests.$inferSelect;
