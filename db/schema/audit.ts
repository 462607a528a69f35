import { bigint, char, index, jsonb, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";

export const auditOutcomeEnum = pgEnum("audit_outcome", ["success", "failure", "denied", "rate_limited"]);

/**
 * Append-only record of security-relevant events. A trigger (see the migrations)
 * refuses UPDATE and DELETE. Never holds secret values (passwords, check numbers, tokens).
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    action: varchar("action", { length: 64 }).notNull(),
    outcome: auditOutcomeEnum("outcome").notNull(),
    /** Who acted, when known (no foreign key: the log outlives what it describes). */
    actorUserId: uuid("actor_user_id"),
    /** What identified the actor when there is no account, e.g. the email typed at sign-in. */
    actorLabel: varchar("actor_label", { length: 254 }),
    subjectUserId: uuid("subject_user_id"),
    taxId: char("tax_id", { length: 9 }),
    clientAddress: varchar("client_address", { length: 64 }),
    userAgent: varchar("user_agent", { length: 512 }),
    requestId: varchar("request_id", { length: 64 }),
    reason: text("reason"),
    details: jsonb("details").$type<Record<string, string | number | boolean | null>>(),
  },
  (table) => [
    index("audit_events_occurred_at_idx").on(table.occurredAt),
    index("audit_events_actor_idx").on(table.actorUserId, table.occurredAt),
    index("audit_events_tax_id_idx").on(table.taxId, table.occurredAt),
  ],
);
export type AuditEvent = typeof auditEvents.$inferSelect;
