import { char, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, varchar } from "drizzle-orm/pg-core";

/**
 * The health plan's own records: reference data loaded from the payer's systems,
 * read-only to portal users. Sized for a large payer (millions of NPIs and checks),
 * so every lookup the portal makes is served by a primary key or an index.
 *
 * Every Tax ID, NPI, check, vendor and notice number column, here and in the tables that refer
 * to them (organizations, access, PIN letters, cases, audit), is COLLATE "C": compared byte by
 * byte, as digit strings should be, and cheaply (migration 0008). drizzle-kit does not model
 * collations, so a new such column needs its own ALTER … COLLATE "C" in its migration; the
 * test tests/integration/db/identifier-collation.test.ts fails until it has one.
 */

export const providerTaxIds = pgTable("provider_tax_ids", {
  taxId: char("tax_id", { length: 9 }).primaryKey(),
  legalName: text("legal_name").notNull(),
  addressLine1: text("address_line1").notNull(),
  addressLine2: text("address_line2"),
  city: text("city").notNull(),
  state: char("state", { length: 2 }).notNull(),
  postalCode: varchar("postal_code", { length: 10 }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type ProviderTaxId = typeof providerTaxIds.$inferSelect;

export const npiTypeEnum = pgEnum("npi_type", ["individual", "organization"]);

export const npis = pgTable("npis", {
  npi: char("npi", { length: 10 }).primaryKey(),
  type: npiTypeEnum("type").notNull(),
  name: text("name").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type Npi = typeof npis.$inferSelect;

/** Which Tax IDs each NPI bills under (an NPI may bill under several). */
export const npiTaxIds = pgTable(
  "npi_tax_ids",
  {
    npi: char("npi", { length: 10 })
      .notNull()
      .references(() => npis.npi),
    taxId: char("tax_id", { length: 9 })
      .notNull()
      .references(() => providerTaxIds.taxId),
  },
  (table) => [primaryKey({ columns: [table.taxId, table.npi] }), index("npi_tax_ids_npi_idx").on(table.npi)],
);

export const paymentChecks = pgTable(
  "payment_checks",
  {
    checkNumber: varchar("check_number", { length: 12 }).primaryKey(),
    vendorNumber: varchar("vendor_number", { length: 12 }).notNull(),
    taxId: char("tax_id", { length: 9 })
      .notNull()
      .references(() => providerTaxIds.taxId),
    npi: char("npi", { length: 10 })
      .notNull()
      .references(() => npis.npi),
    amountCents: integer("amount_cents").notNull(),
    issuedOn: date("issued_on", { mode: "string" }).notNull(),
  },
  (table) => [index("payment_checks_tax_id_issued_idx").on(table.taxId, table.issuedOn)],
);
export type PaymentCheck = typeof paymentChecks.$inferSelect;

export const nonpaymentNotices = pgTable(
  "nonpayment_notices",
  {
    /** Stored exactly as printed, with its "NP" prefix (e.g. NP4400123). */
    noticeNumber: varchar("notice_number", { length: 16 }).primaryKey(),
    taxId: char("tax_id", { length: 9 })
      .notNull()
      .references(() => providerTaxIds.taxId),
    npi: char("npi", { length: 10 })
      .notNull()
      .references(() => npis.npi),
    noticeDate: date("notice_date", { mode: "string" }).notNull(),
  },
  (table) => [index("nonpayment_notices_tax_id_idx").on(table.taxId)],
);
export type NonpaymentNotice = typeof nonpaymentNotices.$inferSelect;
