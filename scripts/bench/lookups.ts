import "../../db/load-env";
import { PGlite } from "@electric-sql/pglite";
import { pageinspect } from "@electric-sql/pglite/contrib/pageinspect";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import fs from "node:fs/promises";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import type { Database, DatabaseHandle } from "../../db/client";
import { embeddedStartParams } from "../../db/drivers";
import { listAccessForUser, pageGrantNpis } from "../../db/queries/access";
import { loadSyntheticRecords, scaleFor, type Scale } from "../../db/queries/synthetic-records";
import { runMigrations } from "../../db/migrator";
import { rowsOf } from "../../db/rows";
import { medianOf } from "../../lib/bench/stats";
import * as schema from "../../db/schema";
import { readDelegateRecords } from "../../lib/delegates/find-my-delegate";
import { verifyCheck } from "../../lib/registration/verify-check";
import { verifyNotice } from "../../lib/registration/verify-notice";
import { explainPrepared } from "./prepared-plan";

/**
 * Whether the lookups the portal makes cost the same at a large payer's size as at a small one.
 * For each size (checks issued; NPIs and Tax IDs scale with it: 1M and 200k at 10M checks) it
 * loads synthetic records into a database of that size's own (generate_series), then times,
 * through the functions the app calls: check verification (vendor number and NPI proofs), notice
 * verification, /access's list for a delegate of 50 Tax IDs of 3 NPIs, a page and a search of a
 * 5,000-NPI Tax ID's list, and Find my delegate's reads. The sizes are measured side by side
 * (see "Paired measurement"). It prints p50/p95/p99 per lookup and size, the ratio of p95 at the
 * largest size to p95 at the smallest (goal: at most 1.2), and EXPLAIN ANALYZE of the statements
 * behind each lookup at the largest size. Before timing, each size's files are read into the
 * operating system's cache (see warmCache): the lookups are timed from memory, as on a server that
 * has been answering them, not from the disk right after the load.
 *
 *   npm run bench:lookups                                     # embedded PGlite, in memory
 *   BENCH_PGLITE_DIR=/tmp/bench-pglite npm run bench:lookups  # every size in PGlite on disk (<dir>/<size>, removed after), as the app's PGLITE_DATA_DIR
 *        # (PGLITE_SHARED_BUFFERS=1792MB: PGlite's cache, as the app's setting; unset, PGlite's 128MB)
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench npm run bench:lookups
 *        # PostgreSQL: each size in a database <that name>_<size>, created and dropped by the run through the
 *        # server's "postgres" database (BENCH_KEEP=1 keeps them); <that name> itself need not exist
 *   BENCH_SIZES=1000,100000 BENCH_SAMPLES=500 BENCH_ROUNDS=5 …  # sizes (checks), lookups per lookup and size, rounds
 *   BENCH_REWARM=1 …  # every page of every size read again before each lookup's round (see `rewarm`)
 */
const sizes = (process.env.BENCH_SIZES ?? "1000,10000000").split(",").map(Number);
const samples = Number(process.env.BENCH_SAMPLES ?? 2000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const url = process.env.BENCH_DATABASE_URL;
const pgliteDir = process.env.BENCH_PGLITE_DIR;
/**
 * On a virtual machine where memory left idle for a minute is slower to read again (this
 * project's: 5 random reads over 2 GB of a process's own memory, touched a minute before, took
 * over 100 µs 0.93% of the time, against 0.01% right after touching it), the 10M records, read
 * rarely by random lookups, go cold between rounds while the 1k records stay hot. Reading every
 * page again before each round keeps the comparison about the database (index depth, plans), not
 * the machine's memory.
 */
const rewarm = process.env.BENCH_REWARM === "1" && Boolean(url || pgliteDir); // where warmCache has created pageinspect (not PGlite in memory)

/** A drizzle client like the app's, that can also hand over the SQL it sends (for the plans). */
interface BenchDatabase {
  handle: DatabaseHandle;
  /** EXPLAIN (ANALYZE) of a statement with its parameters, one line per plan line. */
  explain: (statement: string, params: unknown[]) => Promise<string[]>;
  captured: Array<{ statement: string; params: unknown[] }>;
  capturing: boolean;
  /** PostgreSQL: runs a statement on each of the pool's connections, every one open at once. */
  onEachConnection?: (statement: string) => Promise<number>;
}

/** The bench's PostgreSQL pool: the connections the lookups are timed on. */
const POOL_CONNECTIONS = 4;

/** Every page of the public tables and indexes, read through the database's cache (pageinspect's get_raw_page copies the page as a query reads it). */
const READ_EVERY_PAGE = `
  SELECT count(length(get_raw_page(c.oid::regclass::text, 'main', b)))::int AS pages
  FROM pg_class c, generate_series(0, (pg_relation_size(c.oid) / 8192)::int - 1) AS b
  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'i')`;

function openBenchDatabase(location: { url?: string; dir?: string }): BenchDatabase {
  const bench = { captured: [], capturing: false } as unknown as BenchDatabase;
  const logger = {
    logQuery(statement: string, params: unknown[]) {
      if (bench.capturing) bench.captured.push({ statement, params });
    },
  };
  if (location.url) {
    const client = postgres(location.url, { max: POOL_CONNECTIONS, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema, logger }) as unknown as Database;
    bench.handle = { db, kind: "postgres", role: null, close: () => client.end({ timeout: 5 }) };
    bench.onEachConnection = async (statement) => {
      const connections = await Promise.all(Array.from({ length: POOL_CONNECTIONS }, () => client.reserve()));
      try {
        for (const connection of connections) await connection.unsafe(statement);
      } finally {
        for (const connection of connections) connection.release();
      }
      return connections.length;
    };
    // The plan the app's statement settles on: postgres.js prepares every statement, and after five
    // runs PostgreSQL may plan it once for any parameters (a generic plan). So: prepared, run five
    // times, then explained, on one connection.
    bench.explain = (statement, params) =>
      explainPrepared(client, statement, params, { explain: "ANALYZE, BUFFERS OFF, COSTS OFF, TIMING OFF, SUMMARY OFF", runsFirst: 5 });
  } else {
    // As the app opens it (PGLITE_SHARED_BUFFERS), with pageinspect for warming its cache (warmCache).
    const startParams = embeddedStartParams(process.env.PGLITE_SHARED_BUFFERS || undefined);
    const client = new PGlite(location.dir, { extensions: { pageinspect }, ...(startParams ? { startParams } : {}) });
    const db = drizzlePglite(client, { schema, logger }) as unknown as Database;
    bench.handle = { db, kind: "pglite", role: null, close: () => client.close() };
    bench.explain = async (statement, params) => {
      const result = await client.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS OFF, COSTS OFF, TIMING OFF, SUMMARY OFF) ${statement}`, params);
      return result.rows.map((row) => String(Object.values(row)[0]));
    };
  }
  return bench;
}

interface Lookup {
  name: string;
  run: (n: number) => Promise<unknown>;
}

const random = (below: number) => 1 + Math.floor(Math.random() * below);
const taxIdOf = (i: number) => `5${String(i).padStart(8, "0")}`;
const npiOf = (i: number) => `1${String(i).padStart(9, "0")}`;

/** The lookups, each over random existing and missing keys (half and half where it applies). */
function lookups(db: Database, scale: Scale, fixtures: { delegateId: string; hospitalUserId: string; hospitalTaxId: string }): Lookup[] {
  const now = new Date();
  const check = (n: number) => {
    const i = random(scale.checks);
    const exists = n % 2 === 0;
    return { i, checkNumber: String(10_000_000 + (exists ? i : scale.checks + i)), ...scale.checkParties(i) };
  };
  return [
    {
      name: "check, vendor number",
      run: (n) => {
        const c = check(n);
        return verifyCheck(db, { taxId: c.taxId, checkNumber: c.checkNumber, proof: { kind: "vendor", vendorNumber: c.vendorNumber } }, now);
      },
    },
    {
      name: "check, NPI",
      run: (n) => {
        const c = check(n);
        return verifyCheck(db, { taxId: c.taxId, checkNumber: c.checkNumber, proof: { kind: "npi", npi: c.npi } }, now);
      },
    },
    {
      name: "non-payment notice",
      run: (n) => {
        const i = random(scale.notices);
        const parties = scale.noticeParties(i);
        return verifyNotice(db, { taxId: parties.taxId, npi: parties.npi, noticeNumber: `NP${5_000_000 + (n % 2 === 0 ? i : scale.notices + i)}` }, now);
      },
    },
    { name: "/access list (50 Tax IDs x 3 NPIs)", run: () => listAccessForUser(db, fixtures.delegateId) },
    {
      name: "NPI list page (5,000 NPIs)",
      run: () => pageGrantNpis(db, { userId: fixtures.hospitalUserId, taxId: fixtures.hospitalTaxId, search: null, page: random(100), pageSize: 50 }),
    },
    {
      name: "NPI list search (5,000 NPIs)",
      run: (n) =>
        pageGrantNpis(db, { userId: fixtures.hospitalUserId, taxId: fixtures.hospitalTaxId, search: n % 2 === 0 ? `Clinician ${random(99)}` : `300000${random(4)}`, page: 1, pageSize: 50 }),
    },
    // Find my delegate, for a registered Tax ID (every 10th) and for one nobody registered, each
    // with an NPI half the time: two lookups, not one over all Tax IDs, because a registered Tax
    // ID's answer reads its delegate and costs more, and in a mix of 10% registered the p95 would
    // fall on the edge between the two costs (it moved by a third from run to run), not on either.
    {
      name: "Find my delegate, registered",
      run: (n) => {
        const t = 10 * random(Math.floor(scale.taxIds / 10));
        return readDelegateRecords(db, { taxId: taxIdOf(t), npi: n % 2 === 0 ? npiOf(scale.npiOfTaxId(t)) : null }, now);
      },
    },
    {
      name: "Find my delegate, not registered",
      run: (n) => {
        const t = random(scale.taxIds - 1);
        const unregistered = t % 10 === 0 ? t + 1 : t;
        return readDelegateRecords(db, { taxId: taxIdOf(unregistered), npi: n % 2 === 0 ? npiOf(scale.npiOfTaxId(unregistered)) : null }, now);
      },
    },
  ];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * The server's maintenance database, for creating and dropping the sizes' databases: the one
 * BENCH_DATABASE_URL names is only their prefix, and need not exist.
 */
function adminClient(databaseUrl: string) {
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = "/postgres";
  return postgres(maintenance.toString(), { max: 1, onnotice: () => {} });
}

/** Each size gets a database of its own: on PostgreSQL, <the database>_<size>, created here; on PGlite, on disk under BENCH_PGLITE_DIR when it is set (all sizes alike), else in memory. */
async function openSize(size: number): Promise<BenchDatabase> {
  if (url) {
    const name = `${new URL(url).pathname.slice(1)}_${size}`;
    const admin = adminClient(url);
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    await admin.end();
    const sized = new URL(url);
    sized.pathname = `/${name}`;
    return openBenchDatabase({ url: sized.toString() });
  }
  if (pgliteDir) {
    const dir = `${pgliteDir}/${size}`;
    await fs.rm(dir, { recursive: true, force: true });
    await fs.mkdir(pgliteDir, { recursive: true });
    return openBenchDatabase({ dir });
  }
  return openBenchDatabase({});
}

async function dropSize(size: number): Promise<void> {
  if (process.env.BENCH_KEEP) return;
  if (url) {
    const admin = adminClient(url);
    await admin.unsafe(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}_${size}" WITH (FORCE)`);
    await admin.end();
  } else if (pgliteDir) {
    await fs.rm(`${pgliteDir}/${size}`, { recursive: true, force: true });
  }
}

const label = url ? "PostgreSQL" : pgliteDir ? `PGlite (on disk under ${pgliteDir})` : "PGlite (in memory)";
console.log(
  `database: ${label}; ${samples} lookups per lookup and size, in ${rounds} rounds; sizes ${sizes.join(", ")} checks${rewarm ? "; every page read again before each lookup's round (BENCH_REWARM=1)" : ""}\n`,
);

/** The size of the database's own cache, as the run found it. */
async function sharedBuffersOf(bench: BenchDatabase): Promise<string> {
  const [row] = rowsOf<{ shared_buffers: string }>(await bench.handle.db.execute(sql`SHOW shared_buffers`));
  return row!.shared_buffers;
}

/**
 * Writes out the load (PostgreSQL: CHECKPOINT, so that the checkpointer is not writing it while
 * the lookups are timed) and reads a size's tables and indexes once through the database's own
 * cache (shared_buffers, at the size the server has), as on a server that has been answering these
 * lookups: what fits stays there, and the rest is in the operating system's file cache as far as
 * that keeps it. Right after a load the files may be on disk only, and random lookups over ten
 * million checks would time the disk. PostgreSQL: pg_prewarm's "buffer" mode, then every page
 * through each of the pool's connections (contrib extensions pg_prewarm and pageinspect; without
 * them the run says so and goes on cold). PGlite on disk: the files of its tables
 * and indexes, read through, then every page through its cache. PGlite in memory has nothing to warm.
 */
async function warmCache(size: number, bench: BenchDatabase): Promise<string> {
  if (url) {
    try {
      // The load's dirty pages written out now, not by the checkpointer while the lookups are timed.
      await bench.handle.db.execute(sql`CHECKPOINT`);
      await bench.handle.db.execute(sql`CREATE EXTENSION IF NOT EXISTS pg_prewarm`);
      await bench.handle.db.execute(sql`CREATE EXTENSION IF NOT EXISTS pageinspect`);
      const [row] = rowsOf<{ blocks: number }>(
        await bench.handle.db.execute(
          sql`SELECT coalesce(sum(pg_prewarm(c.oid, 'buffer')), 0)::bigint AS blocks FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'i')`,
        ),
      );
      // Each server process maps a page of shared_buffers into its memory the first time it reads it
      // (a page fault), so a process new to 1.8 GB of records pays that on most lookups for a long
      // while. The app's connections live for many lookups: read every page once through each
      // connection the lookups will be timed on.
      const connections = await bench.onEachConnection!(READ_EVERY_PAGE);
      return `${(Number(row!.blocks) * 8192 / 1024 ** 2).toFixed(0)} MB read through PostgreSQL's cache (pg_prewarm, 'buffer'; shared_buffers ${await sharedBuffersOf(bench)}), then every page through each of the ${connections} connections`;
    } catch (error) {
      return `not warmed: ${(error as Error).message}`;
    }
  }
  if (pgliteDir) {
    // The tables' and indexes' files (base/, global/), not the write-ahead log: no lookup reads the
    // log, and on a machine whose file cache holds less than the whole folder (this project's keeps
    // about 2 GB; the 10M folder is 1.6 GB of relations and 1.1 GB of log) reading it last would push
    // the tables back out.
    let bytes = 0;
    const relations = [...(await fs.readdir(`${pgliteDir}/${size}/base`, { recursive: true, withFileTypes: true })), ...(await fs.readdir(`${pgliteDir}/${size}/global`, { withFileTypes: true }))];
    for (const entry of relations) {
      if (!entry.isFile()) continue;
      const handle = await fs.open(`${entry.parentPath}/${entry.name}`);
      const chunk = Buffer.allocUnsafe(1024 * 1024);
      for (let read = 1; read > 0; bytes += read) ({ bytesRead: read } = await handle.read(chunk, 0, chunk.length));
      await handle.close();
    }
    // Then every page of the tables and indexes once through PGlite's own cache, as pg_prewarm's
    // "buffer" mode would (PGlite has no pg_prewarm; pageinspect's get_raw_page reads a page the way
    // a query does): what fits stays there, as on a server that has been answering these lookups.
    // This machine's file cache does not keep a folder for long (2.0 GB right after reading one,
    // 1.8 GB two minutes later, idle, 0.4 GB after a run), so a page PGlite's cache does not hold is
    // often read from the disk.
    await bench.handle.db.execute(sql`CREATE EXTENSION IF NOT EXISTS pageinspect`);
    const [row] = rowsOf<{ pages: number }>(await bench.handle.db.execute(sql.raw(READ_EVERY_PAGE)));
    return `${(bytes / 1024 ** 2).toFixed(0)} MB of files read into the OS cache, then ${(row!.pages * 8192 / 1024 ** 2).toFixed(0)} MB of pages through PGlite's cache (shared_buffers ${await sharedBuffersOf(bench)})`;
  }
  return "in memory";
}

interface Loaded {
  size: number;
  bench: BenchDatabase;
  lookups: Lookup[];
}
const loaded: Loaded[] = [];
for (const size of sizes) {
  const bench = await openSize(size);
  await runMigrations(bench.handle);
  const scale = scaleFor(size);
  const started = performance.now();
  const fixtures = await loadSyntheticRecords(bench.handle.db, scale, (step) => process.stdout.write(`  ${size}: ${step}\n`));
  console.log(
    `${size.toLocaleString("en-US")} checks: ${scale.taxIds.toLocaleString("en-US")} Tax IDs, ${scale.npis.toLocaleString("en-US")} NPIs, ${scale.notices.toLocaleString("en-US")} notices; loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  loaded.push({ size, bench, lookups: lookups(bench.handle.db, scale, fixtures) });
}
for (const { size, bench } of loaded) console.log(`${size.toLocaleString("en-US")} checks: ${await warmCache(size, bench)}`);

// Paired measurement: every size's data stays loaded and each lookup runs on every size in turn,
// request by request (the first size alternating), so that a burst of load from another process
// (this machine is shared), a garbage collection or a slower CPU lands on both sizes alike, not on
// one size's block of requests. The samples are cut into rounds; each percentile is the median of
// the rounds' percentiles.
const perRound = Math.max(1, Math.round(samples / rounds));
const names = loaded[0]!.lookups.map((lookup) => lookup.name);
const timings = new Map<string, number[][]>(); // `${lookup}|${size}` -> sorted timings per round
const elapsed = new Map<string, number>();
for (const { lookups: all } of loaded) for (const lookup of all) for (let n = 0; n < Math.min(50, samples); n += 1) await lookup.run(n); // warm up
for (let round = 0; round < rounds; round += 1) {
  for (const [which, name] of names.entries()) {
    if (rewarm) for (const { bench } of loaded) await bench.handle.db.execute(sql.raw(READ_EVERY_PAGE));
    const times = loaded.map((): number[] => []);
    for (let n = 0; n < perRound; n += 1) {
      for (let turn = 0; turn < loaded.length; turn += 1) {
        const index = (turn + n) % loaded.length;
        const t0 = performance.now();
        await loaded[index]!.lookups[which]!.run(n);
        times[index]!.push(performance.now() - t0);
      }
    }
    for (const [index, { size }] of loaded.entries()) {
      const key = `${name}|${size}`;
      elapsed.set(key, (elapsed.get(key) ?? 0) + times[index]!.reduce((sum, time) => sum + time, 0));
      timings.set(key, [...(timings.get(key) ?? []), times[index]!.sort((a, b) => a - b)]);
    }
  }
}

const results = new Map<string, Map<number, { p50: number; p95: number; p99: number }>>();
for (const { size } of loaded) {
  console.log(`\n${size.toLocaleString("en-US")} checks`);
  console.log(`${"lookup".padEnd(38)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"per s".padStart(8)}`);
  for (const name of names) {
    const key = `${name}|${size}`;
    const median = (p: number) => medianOf(timings.get(key)!.map((sorted) => percentile(sorted, p)));
    const row = { p50: median(50), p95: median(95), p99: median(99) };
    if (!results.has(name)) results.set(name, new Map());
    results.get(name)!.set(size, row);
    const perSecond = (perRound * rounds) / (elapsed.get(key)! / 1000);
    console.log(`${name.padEnd(38)} ${row.p50.toFixed(3).padStart(8)} ${row.p95.toFixed(3).padStart(8)} ${row.p99.toFixed(3).padStart(8)} ${perSecond.toFixed(0).padStart(8)}`);
  }
}

// The plans of the statements each lookup sends, at the largest size.
const plans = new Map<string, string[]>();
const top = loaded[loaded.length - 1]!;
for (const lookup of top.lookups) {
  top.bench.captured = [];
  top.bench.capturing = true;
  await lookup.run(0);
  top.bench.capturing = false;
  const lines: string[] = [];
  for (const { statement, params } of top.bench.captured) {
    lines.push(`  ${statement.replace(/\s+/g, " ").slice(0, 160)}${statement.length > 160 ? "…" : ""}`);
    for (const line of await top.bench.explain(statement, params)) lines.push(`      ${line}`);
  }
  plans.set(lookup.name, lines);
}

const [smallest, largest] = [sizes[0]!, sizes[sizes.length - 1]!];
// The ratio judged is of the two sizes' p95 above; beside it, the same ratio round by round (the
// sizes' requests of a round interleaved), to show how much of a difference is the machine's noise.
console.log(`\np95 at ${largest.toLocaleString("en-US")} checks / p95 at ${smallest.toLocaleString("en-US")} (goal ≤ 1.2); then the ratio in each of the ${rounds} rounds: median (lowest–highest)`);
for (const [name, bySize] of results) {
  const ratio = bySize.get(largest)!.p95 / bySize.get(smallest)!.p95;
  const [large, small] = [timings.get(`${name}|${largest}`)!, timings.get(`${name}|${smallest}`)!];
  const perRoundRatios = large.map((sorted, round) => percentile(sorted, 95) / percentile(small[round]!, 95));
  const spread = `${medianOf(perRoundRatios).toFixed(2)} (${Math.min(...perRoundRatios).toFixed(2)}–${Math.max(...perRoundRatios).toFixed(2)})`;
  console.log(`${name.padEnd(38)} ${ratio.toFixed(2).padStart(6)} ${(ratio <= 1.2 ? "ok" : "OVER").padEnd(5)} ${spread}`);
}
console.log(`\nplans at ${largest.toLocaleString("en-US")} checks (EXPLAIN ANALYZE of each statement a lookup sends${url ? ", prepared and run five times first, as on the app's connections" : ""}):`);
for (const [name, lines] of plans) console.log(`\n${name}\n${lines.join("\n")}`);
for (const { size, bench } of loaded) {
  await bench.handle.close();
  await dropSize(size);
}
