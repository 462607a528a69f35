import { char, index, jsonb, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { memberRoleEnum, organizations } from "./organizations";

/** What an invitation gives: per organization, the whole Tax ID or chosen NPIs. */
export interface InvitedAccess {
  organizationId: string;
  taxId: string;
  /** null: every NPI of the Tax ID. */
  npis: string[] | null;
}

/**
 * A delegate's invitation of a co-worker: the link (hash only; 7 days, single use) lets the
 * person set a password, or sign in to an existing account, and the access applies then.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: char("token_hash", { length: 64 }).notNull().unique(),
    email: varchar("email", { length: 254 }).notNull(),
    firstName: varchar("first_name", { length: 50 }).notNull(),
    lastName: varchar("last_name", { length: 50 }).notNull(),
    role: memberRoleEnum("role").notNull(),
    /** The organization the invitation is listed under (the inviting delegate's). */
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    access: jsonb("access").$type<InvitedAccess[]>().notNull(),
    invitedByUserId: uuid("invited_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedUserId: uuid("accepted_user_id").references(() => users.id),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    submissionId: uuid("submission_id").unique(),
    note: text("note"),
  },
  (table) => [index("invitations_organization_idx").on(table.organizationId, table.createdAt), index("invitations_email_idx").on(table.email)],
);
export type Invitation = typeof invitations.$inferSelect;
