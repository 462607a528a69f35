import { index, integer, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";

export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sent"]);

/**
 * Every outbound email, written in the same transaction as the change that causes it,
 * then delivered by the sender (lib/email/deliver.ts). A failed send stays pending with
 * a later next_attempt_at; it is never dropped. The row id is the idempotency key.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    template: varchar("template", { length: 64 }).notNull(),
    toAddress: varchar("to_address", { length: 254 }).notNull(),
    subject: text("subject").notNull(),
    /** The body is purged once the email is sent (links in it stay live until they expire). */
    html: text("html"),
    text: text("text"),
    bodyPurgedAt: timestamp("body_purged_at", { withTimezone: true }),
    status: outboxStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    transport: varchar("transport", { length: 16 }),
    providerMessageId: varchar("provider_message_id", { length: 128 }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (table) => [
    index("email_outbox_due_idx").on(table.status, table.nextAttemptAt),
    index("email_outbox_created_at_idx").on(table.createdAt),
  ],
);
export type OutboxEmail = typeof emailOutbox.$inferSelect;
