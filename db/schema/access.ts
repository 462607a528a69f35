import { char, index, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { providerTaxIds } from "./reference";

/**
 * A provider Tax ID that has been registered in the portal. Its primary key settles
 * the race between two people registering the same Tax ID at once: whoever inserts
 * this row is the first registrant and becomes the delegate.
 */
export const registeredOrganizations = pgTable("registered_organizations", {
  taxId: char("tax_id", { length: 9 })
    .primaryKey()
    .references(() => providerTaxIds.taxId),
  registeredByUserId: uuid("registered_by_user_id")
    .notNull()
    .references(() => users.id),
  registeredAt: timestamp("registered_at", { withTimezone: true }).notNull().defaultNow(),
});

export const accessRoleEnum = pgEnum("access_role", ["delegate", "user"]);
export const accessMethodEnum = pgEnum("access_method", [
  "check",
  "nonpayment_notice",
  "us_mail_pin",
  "delegate",
  "billing_approval",
  "representative",
]);
export const accessStatusEnum = pgEnum("access_status", ["active", "pending", "expired", "revoked"]);

/** What a person may see: one row per person and Tax ID (covering that Tax ID's NPIs). */
export const accessGrants = pgTable(
  "access_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    taxId: char("tax_id", { length: 9 }).notNull(),
    role: accessRoleEnum("role").notNull(),
    method: accessMethodEnum("method").notNull(),
    /** A non-secret description of the proof, e.g. "Check ending 1001". */
    evidence: text("evidence"),
    status: accessStatusEnum("status").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    grantedByUserId: uuid("granted_by_user_id").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [unique("access_grants_user_tax_id_key").on(table.userId, table.taxId), index("access_grants_tax_id_idx").on(table.taxId)],
);
export type AccessGrant = typeof accessGrants.$inferSelect;
