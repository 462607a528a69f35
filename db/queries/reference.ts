import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { nonpaymentNotices, npis, npiTaxIds, paymentChecks, providerTaxIds } from "../schema";

/** A check by its number, with what verification compares. */
export async function findCheck(executor: Executor, checkNumber: string) {
  const [row] = await executor
    .select({
      checkNumber: paymentChecks.checkNumber,
      taxId: paymentChecks.taxId,
      npi: paymentChecks.npi,
      vendorNumber: paymentChecks.vendorNumber,
      issuedOn: paymentChecks.issuedOn,
    })
    .from(paymentChecks)
    .where(eq(paymentChecks.checkNumber, checkNumber))
    .limit(1);
  return row ?? null;
}

/** A non-payment notice by its number (as printed, with "NP"). */
export async function findNotice(executor: Executor, noticeNumber: string) {
  const [row] = await executor
    .select({ noticeNumber: nonpaymentNotices.noticeNumber, taxId: nonpaymentNotices.taxId, npi: nonpaymentNotices.npi, noticeDate: nonpaymentNotices.noticeDate })
    .from(nonpaymentNotices)
    .where(eq(nonpaymentNotices.noticeNumber, noticeNumber))
    .limit(1);
  return row ?? null;
}

/** A provider Tax ID in the health plan's records: legal name and address of record. */
export async function findProviderTaxId(executor: Executor, taxId: string) {
  const [row] = await executor
    .select({
      taxId: providerTaxIds.taxId,
      legalName: providerTaxIds.legalName,
      addressLine1: providerTaxIds.addressLine1,
      addressLine2: providerTaxIds.addressLine2,
      city: providerTaxIds.city,
      state: providerTaxIds.state,
      postalCode: providerTaxIds.postalCode,
    })
    .from(providerTaxIds)
    .where(eq(providerTaxIds.taxId, taxId))
    .limit(1);
  return row ?? null;
}

/** The NPIs that bill under the given Tax IDs, organizations first. */
export async function listNpisForTaxIds(executor: Executor, taxIds: string[]) {
  if (taxIds.length === 0) return [];
  return executor
    .select({ taxId: npiTaxIds.taxId, npi: npis.npi, name: npis.name, type: npis.type })
    .from(npiTaxIds)
    .innerJoin(npis, eq(npis.npi, npiTaxIds.npi))
    .where(inArray(npiTaxIds.taxId, taxIds))
    .orderBy(asc(npiTaxIds.taxId), asc(npis.type), asc(npis.name));
}

/** Whether an NPI bills under a Tax ID. */
export async function npiBillsUnderTaxId(executor: Executor, npi: string, taxId: string): Promise<boolean> {
  const [row] = await executor
    .select({ npi: npiTaxIds.npi })
    .from(npiTaxIds)
    .where(and(eq(npiTaxIds.taxId, taxId), eq(npiTaxIds.npi, npi)))
    .limit(1);
  return Boolean(row);
}

export interface ReferenceRecords {
  taxIds: Array<typeof providerTaxIds.$inferInsert>;
  npis: Array<{ npi: string; type: "individual" | "organization"; name: string; taxIds: readonly string[] }>;
  checks: Array<typeof paymentChecks.$inferInsert>;
  notices: Array<typeof nonpaymentNotices.$inferInsert>;
}

/** Loads the health plan's records, updating rows that exist (a re-run changes nothing new). */
export async function upsertReferenceRecords(executor: Executor, records: ReferenceRecords): Promise<void> {
  if (records.taxIds.length > 0) {
    await executor
      .insert(providerTaxIds)
      .values(records.taxIds)
      .onConflictDoUpdate({
        target: providerTaxIds.taxId,
        set: {
          legalName: sql`excluded.legal_name`,
          addressLine1: sql`excluded.address_line1`,
          addressLine2: sql`excluded.address_line2`,
          city: sql`excluded.city`,
          state: sql`excluded.state`,
          postalCode: sql`excluded.postal_code`,
        },
      });
  }
  if (records.npis.length > 0) {
    await executor
      .insert(npis)
      .values(records.npis.map(({ npi, type, name }) => ({ npi, type, name })))
      .onConflictDoUpdate({ target: npis.npi, set: { type: sql`excluded.type`, name: sql`excluded.name` } });
    await executor
      .insert(npiTaxIds)
      .values(records.npis.flatMap(({ npi, taxIds }) => taxIds.map((taxId) => ({ npi, taxId }))))
      .onConflictDoNothing();
  }
  if (records.checks.length > 0) {
    await executor
      .insert(paymentChecks)
      .values(records.checks)
      .onConflictDoUpdate({
        target: paymentChecks.checkNumber,
        set: {
          vendorNumber: sql`excluded.vendor_number`,
          taxId: sql`excluded.tax_id`,
          npi: sql`excluded.npi`,
          amountCents: sql`excluded.amount_cents`,
          issuedOn: sql`excluded.issued_on`,
        },
      });
  }
  if (records.notices.length > 0) {
    await executor
      .insert(nonpaymentNotices)
      .values(records.notices)
      .onConflictDoUpdate({
        target: nonpaymentNotices.noticeNumber,
        set: { taxId: sql`excluded.tax_id`, npi: sql`excluded.npi`, noticeDate: sql`excluded.notice_date` },
      });
  }
}

/**
 * Upserts many NPIs with the Tax IDs they bill under in two statements whatever their number: the
 * rows travel as one JSON parameter (thousands of bound parameters are slow on the embedded
 * database). A row that is already as given is left untouched.
 */
export async function upsertNpisInBulk(executor: Executor, rows: ReferenceRecords["npis"]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map(({ npi, type, name, taxIds }) => ({ npi, type, name, tax_ids: taxIds })));
  await executor.execute(sql`
    insert into ${npis} (npi, type, name)
    select r.npi, r.type::npi_type, r.name from json_to_recordset(${json}::json) as r(npi text, type text, name text)
    on conflict (npi) do update set type = excluded.type, name = excluded.name
    where (npis.type, npis.name) is distinct from (excluded.type, excluded.name)`);
  await executor.execute(sql`
    insert into ${npiTaxIds} (npi, tax_id)
    select r.npi, t.tax_id from json_to_recordset(${json}::json) as r(npi text, tax_ids json), json_array_elements_text(r.tax_ids) as t(tax_id)
    on conflict do nothing`);
}

