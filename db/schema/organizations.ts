import { sql } from "drizzle-orm";
import { char, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { users } from "./accounts";

export const organizationKindEnum = pgEnum("organization_kind", ["provider", "billing"]);

/**
 * An organization registered in the portal, identified by its own Tax ID: a provider (whose
 * Tax ID is in the health plan's records, where its name and address of record live) or a
 * billing organization (whose Tax ID is not, so its name and address are kept here).
 * The unique Tax ID settles the race between two first registrants.
 */
export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: organizationKindEnum("kind").notNull(),
    taxId: char("tax_id", { length: 9 }).notNull(),
    /** Billing organizations only: providers take their name and address from the records. */
    name: text("name"),
    addressLine1: text("address_line1"),
    addressLine2: text("address_line2"),
    city: text("city"),
    state: char("state", { length: 2 }),
    postalCode: varchar("postal_code", { length: 10 }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("organizations_tax_id_key").on(table.taxId)],
);
export type Organization = typeof organizations.$inferSelect;

export const memberRoleEnum = pgEnum("member_role", ["delegate", "user"]);
export const membershipStatusEnum = pgEnum("membership_status", ["active", "removed"]);

/**
 * Who belongs to an organization, and the one place that says who is its delegate. A person
 * removed and later added again gets a new row (the old one keeps the history); a partial
 * unique index keeps one live membership per person and organization.
 */
export const organizationMembers = pgTable(
  "organization_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    role: memberRoleEnum("role").notNull(),
    status: membershipStatusEnum("status").notNull().default("active"),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    addedByUserId: uuid("added_by_user_id").references(() => users.id),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    removedByUserId: uuid("removed_by_user_id").references(() => users.id),
    /** Why the membership ended, e.g. "deactivated", "email_not_confirmed". */
    removedReason: varchar("removed_reason", { length: 64 }),
  },
  (table) => [
    uniqueIndex("organization_members_live_key").on(table.organizationId, table.userId).where(sql`${table.status} = 'active'`),
    index("organization_members_user_idx").on(table.userId),
  ],
);
export type OrganizationMember = typeof organizationMembers.$inferSelect;
