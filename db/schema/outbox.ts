import { index, integer, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";

export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sent"]);

/**
 * Why the last send failed: "service" when the mail service could not take any message (down,
 * timed out, rate-limited, refusing our key), "message" when it refused this one (an invalid
 * address, say). Messages held back by the service are retried as soon as a send succeeds again.
 */
export const outboxFailureEnum = pgEnum("outbox_failure", ["service", "message"]);

/**
 * Every outbound email, written in the same transaction as the change that causes it,
 * then delivered by the sender (lib/email/deliver.ts). A failed send stays pending with
 * a later next_attempt_at; it is never dropped. The row id is the idempotency key.
 * A sender claims a row with a lease (locked_until) and a token of its own (claim_token):
 * only the holder of the current claim may mark it sent or failed, and a claim whose
 * sender died expires with its lease.
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
    claimToken: uuid("claim_token"),
    lastError: text("last_error"),
    lastFailure: outboxFailureEnum("last_failure"),
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
