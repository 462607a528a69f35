import { bigint, char, index, jsonb, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { users } from "./accounts";

export const caseTypeEnum = pgEnum("case_type", ["provider_not_listed", "departed_delegate_review", "delegate_dispute", "contact_us"]);
export const caseStatusEnum = pgEnum("case_status", ["open", "in_progress", "resolved"]);

/**
 * Work for a representative: a provider that is not in the records, a review of a delegate
 * said to have left, a delegate saying that claim is wrong, a Contact us message. The number
 * people see is the identity column (e.g. case 1042).
 */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: bigint("number", { mode: "number" }).generatedAlwaysAsIdentity({ startWith: 1001 }).notNull().unique(),
    type: caseTypeEnum("type").notNull(),
    status: caseStatusEnum("status").notNull().default("open"),
    taxId: char("tax_id", { length: 9 }),
    npi: char("npi", { length: 10 }),
    /** Who asked: an account when there is one, and the contact details given. */
    requesterUserId: uuid("requester_user_id").references(() => users.id),
    contactName: text("contact_name").notNull(),
    contactEmail: varchar("contact_email", { length: 254 }).notNull(),
    contactPhone: char("contact_phone", { length: 10 }),
    /** The form as submitted (organization name, address, message, reason…). */
    details: jsonb("details").$type<Record<string, string | null>>().notNull(),
    relatedCaseId: uuid("related_case_id"),
    /** Dedupes a double-clicked submit. */
    submissionId: uuid("submission_id").unique(),
    assignedToUserId: uuid("assigned_to_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (table) => [index("cases_status_idx").on(table.status, table.createdAt), index("cases_tax_id_idx").on(table.taxId)],
);
export type Case = typeof cases.$inferSelect;

export const caseEventKindEnum = pgEnum("case_event_kind", ["opened", "note", "status_changed", "assigned", "email_sent", "linked"]);

/** A case's history, oldest first. */
export const caseEvents = pgTable(
  "case_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    kind: caseEventKindEnum("kind").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    body: text("body"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("case_events_case_idx").on(table.caseId, table.occurredAt)],
);

/**
 * Single-use links emailed about a case (a delegate told that someone registered in their
 * place follows one to say it is wrong). Only the token's hash is kept.
 */
export const caseLinkTokens = pgTable("case_link_tokens", {
  tokenHash: char("token_hash", { length: 64 }).primaryKey(),
  caseId: uuid("case_id")
    .notNull()
    .references(() => cases.id),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});
