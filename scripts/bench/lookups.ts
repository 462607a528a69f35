import "../../db/load-env";
import { sql } from "drizzle-orm";
import { performance } from "node:perf_hooks";
import { openMemoryDatabase, openPostgresDatabase } from "../../db/drivers";
import { dropEverything, runMigrations } from "../../db/migrator";
import { verifyCheck } from "../../lib/registration/verify-check";

/**
 * How the check lookup behind registration scales with the payer's volume. Loads N synthetic
 * Tax IDs, NPIs and checks (in the database, with generate_series), then times verifyCheck
 * over random existing and missing check numbers at each size, and prints the query plan.
 *
 *   npm run bench:lookups                       # embedded PGlite, 1k / 100k / 1M checks
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench npm run bench:lookups
 *                                               # on a PostgreSQL database you created (its tables are replaced)
 */
const sizes = (process.env.BENCH_SIZES ?? "1000,100000,1000000").split(",").map(Number);
const samples = Number(process.env.BENCH_SAMPLES ?? 2000);

const url = process.env.BENCH_DATABASE_URL;
const handle = url ? openPostgresDatabase(url) : await openMemoryDatabase();
const { db } = handle;
if (url) await dropEverything(handle);
await runMigrations(handle);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

let loaded = 0;
console.log(`database: ${url ? "PostgreSQL" : "PGlite (in memory)"}; ${samples} lookups per size\n`);
console.log("checks      load s   p50 ms   p95 ms   p99 ms   lookups/s");
for (const size of sizes) {
  const started = performance.now();
  // Ids 10000000+i: Tax IDs "5" + 8 digits (valid prefix 50), NPIs "1" + 9 digits (check digit not needed here).
  await db.execute(sql`
    INSERT INTO provider_tax_ids (tax_id, legal_name, address_line1, city, state, postal_code)
    SELECT '5' || lpad(i::text, 8, '0'), 'Clinic ' || i, i || ' Main St', 'Saint Paul', 'MN', '55101'
    FROM generate_series(${loaded + 1}::int, ${size}::int) AS i`);
  await db.execute(sql`
    INSERT INTO npis (npi, type, name)
    SELECT '1' || lpad(i::text, 9, '0'), 'organization', 'Clinic ' || i FROM generate_series(${loaded + 1}::int, ${size}::int) AS i`);
  await db.execute(sql`
    INSERT INTO payment_checks (check_number, vendor_number, tax_id, npi, amount_cents, issued_on)
    SELECT (10000000 + i)::text, (100000 + i % 900000)::text, '5' || lpad(i::text, 8, '0'), '1' || lpad(i::text, 9, '0'),
           1000 + i % 100000, current_date - (i % 500)
    FROM generate_series(${loaded + 1}::int, ${size}::int) AS i`);
  await db.execute(sql`ANALYZE`);
  const loadSeconds = (performance.now() - started) / 1000;
  loaded = size;

  const timings: number[] = [];
  const runStarted = performance.now();
  for (let n = 0; n < samples; n += 1) {
    const i = 1 + Math.floor(Math.random() * size);
    const exists = n % 2 === 0;
    const checkNumber = String(10000000 + (exists ? i : size + i));
    const t0 = performance.now();
    await verifyCheck(db, { taxId: `5${String(i).padStart(8, "0")}`, checkNumber, proof: { kind: "vendor", vendorNumber: String(100000 + (i % 900000)) } });
    timings.push(performance.now() - t0);
  }
  const total = (performance.now() - runStarted) / 1000;
  timings.sort((a, b) => a - b);
  console.log(
    `${String(size).padEnd(10)} ${loadSeconds.toFixed(1).padStart(7)} ${percentile(timings, 50).toFixed(3).padStart(8)} ${percentile(timings, 95)
      .toFixed(3)
      .padStart(8)} ${percentile(timings, 99).toFixed(3).padStart(8)} ${(samples / total).toFixed(0).padStart(11)}`,
  );
}

const plan = await db.execute(sql`EXPLAIN SELECT check_number, tax_id, npi, vendor_number, issued_on FROM payment_checks WHERE check_number = '10000001' LIMIT 1`);
const rows = (Array.isArray(plan) ? plan : (plan as { rows: unknown[] }).rows) as Array<Record<string, string>>;
console.log(`\nplan of the lookup:\n${rows.map((row) => `  ${Object.values(row)[0]}`).join("\n")}`);
await handle.close();
