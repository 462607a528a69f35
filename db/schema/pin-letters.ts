import { char, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { accessGrants } from "./access";

export const pinLetterStatusEnum = pgEnum("pin_letter_status", ["queued", "printed", "mailed", "redeemed", "voided", "expired"]);

/** The address a letter goes to: a copy of the Tax ID's address of record when it was requested. */
export interface LetterAddress {
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  state: string;
  postalCode: string;
}

/** Why a registrant goes on although the Tax ID has a delegate. */
export interface DepartedDelegateClaim {
  reason: "left_organization" | "unavailable" | "unknown_registrant" | "other";
  note: string | null;
}

/**
 * A PIN letter mailed to a Tax ID's address of record. The PIN is kept only as a slow salted
 * hash; its plain text exists only in the letter, encrypted (pin_ciphertext) until printed.
 */
export const pinLetters = pgTable(
  "pin_letters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taxId: char("tax_id", { length: 9 }).notNull(),
    requestedByUserId: uuid("requested_by_user_id")
      .notNull()
      .references(() => users.id),
    /** The pending grant that a correct PIN activates. */
    grantId: uuid("grant_id")
      .notNull()
      .references(() => accessGrants.id),
    address: jsonb("address").$type<LetterAddress>().notNull(),
    status: pinLetterStatusEnum("status").notNull().default("queued"),
    pinHash: text("pin_hash").notNull(),
    /** AES-256-GCM of the PIN, discarded (null) once the letter is printed. */
    pinCiphertext: text("pin_ciphertext"),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    letterDate: timestamp("letter_date", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    printedAt: timestamp("printed_at", { withTimezone: true }),
    printedByUserId: uuid("printed_by_user_id").references(() => users.id),
    mailedAt: timestamp("mailed_at", { withTimezone: true }),
    mailedByUserId: uuid("mailed_by_user_id").references(() => users.id),
    redeemedAt: timestamp("redeemed_at", { withTimezone: true }),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    voidedReason: varchar("voided_reason", { length: 64 }),
    /** Set when the registrant said the Tax ID's delegate can't assist: applied when the PIN is redeemed. */
    departedDelegateClaim: jsonb("departed_delegate_claim").$type<DepartedDelegateClaim>(),
  },
  (table) => [
    index("pin_letters_requester_idx").on(table.requestedByUserId, table.taxId, table.letterDate),
    index("pin_letters_status_idx").on(table.status, table.letterDate),
  ],
);
export type PinLetter = typeof pinLetters.$inferSelect;
