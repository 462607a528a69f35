import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { rowsOf } from "@/db/rows";

/**
 * Tax IDs, NPIs, check, vendor and notice numbers are compared byte by byte (COLLATE "C",
 * migration 0008): cheaper index descents than a linguistic collation's, and columns that are
 * joined to one another must share one for their indexes to serve the join.
 */
const IDENTIFIER_COLUMNS = ["tax_id", "provider_tax_id", "npi", "npis", "check_number", "vendor_number", "notice_number"];

async function identifierColumns(): Promise<Array<{ column: string; collation: string | null }>> {
  const result = await db.execute(sql`
    select c.relname || '.' || a.attname as "column", coll.collname as collation
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid and c.relkind = 'r'
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    left join pg_collation coll on coll.oid = a.attcollation
    where a.attnum > 0 and not a.attisdropped and a.attname in (${sql.join(
      IDENTIFIER_COLUMNS.map((name) => sql`${name}`),
      sql`, `,
    )})
    order by 1`);
  return rowsOf(result);
}

describe("identifier columns", () => {
  it('are all COLLATE "C", in every table that has one', async () => {
    const columns = await identifierColumns();
    // The query finds the tables it should (a rename would otherwise make this test pass on nothing).
    expect(columns.map((c) => c.column)).toEqual(
      expect.arrayContaining([
        "provider_tax_ids.tax_id",
        "npis.npi",
        "npi_tax_ids.npi",
        "npi_tax_ids.tax_id",
        "payment_checks.check_number",
        "payment_checks.vendor_number",
        "nonpayment_notices.notice_number",
        "organizations.tax_id",
        "access_grants.tax_id",
        "access_grant_npis.npi",
        "access_requests.provider_tax_id",
        "access_requests.npis",
        "audit_events.tax_id",
      ]),
    );
    expect(columns.filter((c) => c.collation !== "C")).toEqual([]);
  });
});
