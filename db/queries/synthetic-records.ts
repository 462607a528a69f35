import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { rowsOf } from "../rows";

/**
 * Synthetic health-plan records for benchmarks, generated inside the database (generate_series),
 * with ids that look right: Tax IDs 5xxxxxxxx, NPIs 1xxxxxxxxx (10 digits, no check digit needed
 * by the lookups), checks 10000001…, notices NP5000001…. Never used by the app.
 */
export interface Scale {
  checks: number;
  taxIds: number;
  npis: number;
  notices: number;
  /** Tax ID and NPI numbers (1-based) and the vendor number of check i. */
  checkParties: (i: number) => { taxId: string; npi: string; vendorNumber: string };
  noticeParties: (i: number) => { taxId: string; npi: string };
  /** An NPI (number) that bills under Tax ID t. */
  npiOfTaxId: (t: number) => number;
}

const taxIdOf = (i: number) => `5${String(i).padStart(8, "0")}`;
const npiOf = (i: number) => `1${String(i).padStart(9, "0")}`;

/** 10M checks: 200k Tax IDs, 1M NPIs (5 per Tax ID), 1M notices; smaller sizes scale down. */
export function scaleFor(checks: number): Scale {
  const taxIds = Math.max(20, Math.round(checks / 50));
  const npis = taxIds * 5;
  const notices = Math.max(100, Math.round(checks / 10));
  const npiOfRow = (i: number) => ((i - 1) % npis) + 1;
  const taxIdOfNpi = (p: number) => ((p - 1) % taxIds) + 1;
  return {
    checks,
    taxIds,
    npis,
    notices,
    checkParties: (i) => ({ taxId: taxIdOf(taxIdOfNpi(npiOfRow(i))), npi: npiOf(npiOfRow(i)), vendorNumber: String(100000 + (i % 900000)) }),
    noticeParties: (i) => ({ taxId: taxIdOf(taxIdOfNpi(npiOfRow(i))), npi: npiOf(npiOfRow(i)) }),
    npiOfTaxId: (t) => t,
  };
}

export interface SyntheticFixtures {
  /** A provider delegate of 50 Tax IDs (6xxxxxxxx) of 3 NPIs each, with a grant for each. */
  delegateId: string;
  /** A person with access to all of a 5,000-NPI Tax ID (a hospital system). */
  hospitalUserId: string;
  hospitalTaxId: string;
}

/**
 * Loads a scale's records and the fixtures into an empty, migrated database, in one transaction
 * with foreign-key triggers off (the rows are consistent by construction; needs a superuser, as
 * the benchmark's own database has). Every 10th Tax ID is registered, with one delegate and one
 * user given two of its NPIs.
 */
export async function loadSyntheticRecords(executor: Executor, scale: Scale, progress: (step: string) => void = () => {}): Promise<SyntheticFixtures> {
  const { checks, taxIds, npis, notices } = scale;
  const fixtures = await executor.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    progress("Tax IDs and NPIs");
    await tx.execute(sql`
      INSERT INTO provider_tax_ids (tax_id, legal_name, address_line1, city, state, postal_code)
      SELECT '5' || lpad(i::text, 8, '0'), 'Clinic ' || i, i || ' Main St', 'Saint Paul', 'MN', '55101' FROM generate_series(1, ${taxIds}::int) AS i`);
    await tx.execute(sql`
      INSERT INTO npis (npi, type, name)
      SELECT '1' || lpad(p::text, 9, '0'), CASE WHEN p <= ${taxIds}::int THEN 'organization' ELSE 'individual' END::npi_type, 'Provider ' || p
      FROM generate_series(1, ${npis}::int) AS p`);
    await tx.execute(sql`
      INSERT INTO npi_tax_ids (npi, tax_id)
      SELECT '1' || lpad(p::text, 9, '0'), '5' || lpad((((p - 1) % ${taxIds}::int) + 1)::text, 8, '0') FROM generate_series(1, ${npis}::int) AS p`);
    progress("checks");
    await tx.execute(sql`
      INSERT INTO payment_checks (check_number, vendor_number, tax_id, npi, amount_cents, issued_on)
      SELECT (10000000 + i)::text, (100000 + i % 900000)::text, '5' || lpad((((p - 1) % ${taxIds}::int) + 1)::text, 8, '0'), '1' || lpad(p::text, 9, '0'),
             1000 + i % 100000, current_date - (i % 500)
      FROM generate_series(1, ${checks}::int) AS i, LATERAL (SELECT ((i - 1) % ${npis}::int) + 1 AS p) AS n`);
    progress("notices");
    await tx.execute(sql`
      INSERT INTO nonpayment_notices (notice_number, tax_id, npi, notice_date)
      SELECT 'NP' || (5000000 + i), '5' || lpad((((p - 1) % ${taxIds}::int) + 1)::text, 8, '0'), '1' || lpad(p::text, 9, '0'), current_date - (i % 500)
      FROM generate_series(1, ${notices}::int) AS i, LATERAL (SELECT ((i - 1) % ${npis}::int) + 1 AS p) AS n`);
    progress("registered organizations");
    await tx.execute(sql`
      INSERT INTO users (email, first_name, last_name, phone, password_hash, account_type, email_verified_at)
      SELECT 'delegate' || t || '@bench.example', 'Dana', 'Delegate' || t, '6125550100', 'not-a-hash', 'provider', now()
      FROM generate_series(10, ${taxIds}::int, 10) AS t`);
    await tx.execute(sql`
      INSERT INTO organizations (kind, tax_id) SELECT 'provider', '5' || lpad(t::text, 8, '0') FROM generate_series(10, ${taxIds}::int, 10) AS t`);
    await tx.execute(sql`
      INSERT INTO organization_members (organization_id, user_id, role)
      SELECT o.id, u.id, 'delegate' FROM organizations o JOIN users u ON u.email = 'delegate' || ltrim(substr(o.tax_id, 2), '0') || '@bench.example'`);
    await tx.execute(sql`
      INSERT INTO access_grants (user_id, tax_id, method, status, granted_at)
      SELECT m.user_id, o.tax_id, 'check', 'active', now() FROM organization_members m JOIN organizations o ON o.id = m.organization_id`);
    // Each registered Tax ID also has a user who was given two of its NPIs (a chosen-NPI grant).
    await tx.execute(sql`
      INSERT INTO users (email, first_name, last_name, phone, password_hash, account_type, email_verified_at)
      SELECT 'user' || t || '@bench.example', 'Uri', 'User' || t, '6125550100', 'not-a-hash', 'provider', now()
      FROM generate_series(10, ${taxIds}::int, 10) AS t`);
    await tx.execute(sql`
      INSERT INTO access_grants (user_id, tax_id, method, status, granted_at, all_npis)
      SELECT u.id, '5' || lpad(substr(u.email, 5, strpos(u.email, '@') - 5), 8, '0'), 'delegate', 'active', now(), false
      FROM users u WHERE u.email LIKE 'user%@bench.example'`);
    await tx.execute(sql`
      INSERT INTO access_grant_npis (grant_id, npi)
      SELECT g.id, t.npi FROM access_grants g JOIN users u ON u.id = g.user_id AND u.email LIKE 'user%@bench.example',
        LATERAL (SELECT npi FROM npi_tax_ids WHERE npi_tax_ids.tax_id = g.tax_id ORDER BY npi LIMIT 2) AS t`);

    progress("fixtures");
    // 50 Tax IDs of 3 NPIs, one delegate of all of them.
    await tx.execute(sql`
      INSERT INTO provider_tax_ids (tax_id, legal_name, address_line1, city, state, postal_code)
      SELECT '6' || lpad(k::text, 8, '0'), 'Group Practice ' || k, k || ' Elm St', 'Duluth', 'MN', '55802' FROM generate_series(1, 50) AS k`);
    await tx.execute(sql`
      INSERT INTO npis (npi, type, name) SELECT '2' || lpad((k * 10 + j)::text, 9, '0'), 'individual', 'Doctor ' || k || '-' || j FROM generate_series(1, 50) AS k, generate_series(1, 3) AS j`);
    await tx.execute(sql`
      INSERT INTO npi_tax_ids (npi, tax_id) SELECT '2' || lpad((k * 10 + j)::text, 9, '0'), '6' || lpad(k::text, 8, '0') FROM generate_series(1, 50) AS k, generate_series(1, 3) AS j`);
    const [delegate] = await tx.execute(sql`
      INSERT INTO users (email, first_name, last_name, phone, password_hash, account_type, email_verified_at)
      VALUES ('fifty@bench.example', 'Fifty', 'TaxIds', '6125550100', 'not-a-hash', 'provider', now()) RETURNING id`).then((result) => rowsOf<{ id: string }>(result));
    await tx.execute(sql`INSERT INTO organizations (kind, tax_id) SELECT 'provider', '6' || lpad(k::text, 8, '0') FROM generate_series(1, 50) AS k`);
    await tx.execute(sql`
      INSERT INTO organization_members (organization_id, user_id, role) SELECT id, ${delegate!.id}::uuid, 'delegate' FROM organizations WHERE tax_id LIKE '6%'`);
    await tx.execute(sql`
      INSERT INTO access_grants (user_id, tax_id, method, status, granted_at) SELECT ${delegate!.id}::uuid, '6' || lpad(k::text, 8, '0'), 'check', 'active', now() FROM generate_series(1, 50) AS k`);
    // A hospital system: one Tax ID of 5,000 NPIs.
    const hospitalTaxId = "700000001";
    await tx.execute(sql`
      INSERT INTO provider_tax_ids (tax_id, legal_name, address_line1, city, state, postal_code) VALUES (${hospitalTaxId}, 'Bench Hospital System', '1 Summit Ave', 'Saint Paul', 'MN', '55102')`);
    await tx.execute(sql`INSERT INTO npis (npi, type, name) SELECT '3' || lpad(m::text, 9, '0'), 'individual', 'Clinician ' || m FROM generate_series(1, 5000) AS m`);
    await tx.execute(sql`INSERT INTO npi_tax_ids (npi, tax_id) SELECT '3' || lpad(m::text, 9, '0'), ${hospitalTaxId} FROM generate_series(1, 5000) AS m`);
    const [hospitalUser] = await tx.execute(sql`
      INSERT INTO users (email, first_name, last_name, phone, password_hash, account_type, email_verified_at)
      VALUES ('hospital@bench.example', 'Harper', 'Hospital', '6125550100', 'not-a-hash', 'provider', now()) RETURNING id`).then((result) => rowsOf<{ id: string }>(result));
    await tx.execute(sql`INSERT INTO access_grants (user_id, tax_id, method, status, granted_at) VALUES (${hospitalUser!.id}::uuid, ${hospitalTaxId}, 'check', 'active', now())`);
    return { delegateId: delegate!.id, hospitalUserId: hospitalUser!.id, hospitalTaxId };
  });
  // As autovacuum would have by then: statistics, and the visibility map that index-only scans rely on.
  progress("VACUUM ANALYZE");
  await executor.execute(sql`VACUUM ANALYZE`);
  return fixtures;
}
