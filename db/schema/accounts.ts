import { bigint, boolean, char, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";

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
  /** The person ended it from account settings ("sign out this device" / "sign out everywhere else"). */
  "ended_by_user",
  /** A forgotten password was reset: every session of the account ends. */
  "password_reset",
  /** The account's email changed. */
  "email_changed",
]);

/** How the second step of a sign-in was passed. */
export const mfaMethodEnum = pgEnum("mfa_method", ["totp", "passkey", "recovery_code"]);

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
    /** When and how the second step was passed; null while only the password is proved. */
    mfaVerifiedAt: timestamp("mfa_verified_at", { withTimezone: true }),
    mfaMethod: mfaMethodEnum("mfa_method"),
    /** SHA-256 of the device cookie's id the session was started from (see known_devices). */
    deviceHash: char("device_hash", { length: 64 }),
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

/**
 * The authenticator app (TOTP, RFC 6238) of an account: at most one. The secret is sealed with
 * AES-256-GCM; confirmed_at is null until the first code proves the app holds it. last_used_step
 * refuses a code's replay (a step is 30 s).
 */
export const totpAuthenticators = pgTable("totp_authenticators", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id),
  secretSealed: text("secret_sealed").notNull(),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Passkeys (WebAuthn credentials) of an account. */
export const passkeys = pgTable(
  "passkeys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** The credential id, base64url. */
    credentialId: varchar("credential_id", { length: 1024 }).notNull().unique(),
    /** The COSE public key, base64url. */
    publicKey: text("public_key").notNull(),
    counter: bigint("counter", { mode: "number" }).notNull().default(0),
    transports: varchar("transports", { length: 128 }),
    deviceType: varchar("device_type", { length: 32 }),
    backedUp: boolean("backed_up").notNull().default(false),
    /** The person's own name for it ("Office laptop"). */
    name: varchar("name", { length: 60 }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (table) => [index("passkeys_user_id_idx").on(table.userId)],
);

/** A WebAuthn ceremony's challenge, single use, a few minutes. */
export const webauthnChallenges = pgTable(
  "webauthn_challenges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The session (password proved, or fully signed in) the ceremony belongs to. */
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id),
    purpose: varchar("purpose", { length: 16 }).$type<"register" | "authenticate">().notNull(),
    challenge: varchar("challenge", { length: 256 }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [index("webauthn_challenges_session_id_idx").on(table.sessionId)],
);

/** Ten single-use recovery codes per set; only an HMAC-SHA-256 of each is stored. A new set replaces the old. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    codeHash: char("code_hash", { length: 64 }).notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    /** Set when a newer set replaced this one. */
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("recovery_codes_user_id_idx").on(table.userId)],
);

/** "Forgot password" links: only a SHA-256 of the token is stored; single use, 1 hour. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    tokenHash: char("token_hash", { length: 64 }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [index("password_reset_tokens_user_id_idx").on(table.userId)],
);

/** A change of email waiting for the new address to confirm it: hashed token, single use, 24 hours. */
export const emailChangeTokens = pgTable(
  "email_change_tokens",
  {
    tokenHash: char("token_hash", { length: 64 }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    newEmail: varchar("new_email", { length: 254 }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [index("email_change_tokens_user_id_idx").on(table.userId)],
);

/**
 * Devices that have signed in to an account (a signed, long-lived device cookie): a known device
 * gets through a pause of the account's sign-in, and a sign-in from a new one emails the person.
 */
export const knownDevices = pgTable(
  "known_devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** SHA-256 of the device cookie's random id. */
    deviceHash: char("device_hash", { length: 64 }).notNull(),
    userAgent: varchar("user_agent", { length: 512 }),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("known_devices_user_device_idx").on(table.userId, table.deviceHash)],
);
