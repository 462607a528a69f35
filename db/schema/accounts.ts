import { char, index, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";

export const accountTypeEnum = pgEnum("account_type", ["provider", "billing", "staff"]);
export const accountStatusEnum = pgEnum("account_status", ["active", "deactivated"]);

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Always stored lowercased (see lib/validation/email.ts); unique, one person per account. */
  email: varchar("email", { length: 254 }).notNull().unique(),
  firstName: varchar("first_name", { length: 50 }).notNull(),
  lastName: varchar("last_name", { length: 50 }).notNull(),
  /** Ten digits, US. */
  phone: char("phone", { length: 10 }).notNull(),
  passwordHash: text("password_hash").notNull(),
  accountType: accountTypeEnum("account_type").notNull(),
  status: accountStatusEnum("status").notNull().default("active"),
  emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
  /** The registration form's one-time submission id, so a double-clicked submit creates one account. */
  registrationSubmissionId: uuid("registration_submission_id").unique(),
  passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }).notNull().defaultNow(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type User = typeof users.$inferSelect;

export const sessionEndReasonEnum = pgEnum("session_end_reason", [
  "sign_out",
  "idle_timeout",
  "absolute_timeout",
  "deactivated",
  "password_changed",
]);

/**
 * Server-side sessions. The JWT cookie only carries the id; every request checks the
 * row, so sign-out and deactivation end a session at once.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endReason: sessionEndReasonEnum("end_reason"),
    clientAddress: varchar("client_address", { length: 64 }),
    userAgent: varchar("user_agent", { length: 512 }),
  },
  (table) => [index("sessions_user_id_idx").on(table.userId)],
);
export type Session = typeof sessions.$inferSelect;

/** Email confirmation links: only a SHA-256 of the token is stored; single use, 24 hours. */
export const emailVerificationTokens = pgTable(
  "email_verification_tokens",
  {
    tokenHash: char("token_hash", { length: 64 }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [index("email_verification_tokens_user_id_idx").on(table.userId)],
);
