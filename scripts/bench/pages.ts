import "../../db/load-env";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { BENCH_USAGE, BenchUsageError, parseBenchOptions, type BenchOptions } from "../../lib/bench/options";
import { benchSchedule, selectBenchPages, type BenchPage, type BenchPageKey } from "../../lib/bench/pages";
import { get, loadPage, refusal } from "../../lib/bench/load";
import { findListeningPid, treeRss } from "../../lib/bench/server-memory";
import { formatMegabytes, formatNumber, formatTable, summarizeRuns, throughputRatio, type PageRun } from "../../lib/bench/stats";

/**
 * `npm run bench:pages`: requests/s and latency of the public pages and /access against the two
 * anchor pages (/bench/prerendered, /bench/signed-in), on a server that is already running
 * (`npm start`); it builds and starts nothing. `-- --prepare` writes the bench delegate and a fresh
 * session first (see README "Benchmarks").
 */
interface SavedSession {
  name: string;
  value: string;
  preparedAt: string;
}

const IDLE_MINUTES = 30;

async function prepare(options: BenchOptions): Promise<void> {
  // Loaded here so that a measurement never opens the database (PGlite serves one process).
  const { closeDatabase, ownerDatabase } = await import("../../db/client");
  const { benchSessionCookie, prepareBenchAccount } = await import("../../lib/bench/bench-account");
  const handle = ownerDatabase();
  try {
    const account = await prepareBenchAccount();
    const cookie = await benchSessionCookie(account);
    fs.mkdirSync(path.dirname(options.sessionFile), { recursive: true });
    const saved: SavedSession = { name: cookie.name, value: cookie.value, preparedAt: new Date().toISOString() };
    fs.writeFileSync(options.sessionFile, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
    const { created } = account;
    console.log(
      `Bench delegate ready on ${handle.kind === "postgres" ? "PostgreSQL" : "the embedded database"}: ${account.taxIds} Tax IDs, ${account.npis} NPIs` +
        ` (new: account ${created.account ? "yes" : "no"}, ${created.memberships} organization(s) joined, ${created.grants} grant(s), authenticator ${created.authenticator ? "yes" : "no"}).`,
    );
    console.log(`Session cookie ${cookie.name} written to ${options.sessionFile}: start the server and measure within ${IDLE_MINUTES} minutes (idle timeout).`);
  } finally {
    await closeDatabase();
  }
}

function readSession(file: string): SavedSession {
  if (!fs.existsSync(file)) throw new BenchUsageError(`No prepared session at ${file}: run \`npm run bench:pages -- --prepare\` first.`);
  const saved = JSON.parse(fs.readFileSync(file, "utf8")) as SavedSession;
  const ageMinutes = (Date.now() - Date.parse(saved.preparedAt)) / 60_000;
  if (ageMinutes > IDLE_MINUTES) console.warn(`The session was prepared ${ageMinutes.toFixed(0)} minutes ago: if it was idle that long it has ended (run --prepare again).`);
  return saved;
}

function headersFor(page: BenchPage, cookie: string | null, options: BenchOptions): Record<string, string> {
  const headers: Record<string, string> = { "user-agent": "npm run bench:pages", accept: "text/html" };
  if (options.gzip) headers["accept-encoding"] = "gzip";
  if (page.signedIn && cookie) headers.cookie = cookie;
  return headers;
}

function serverPid(options: BenchOptions): number | null {
  if (options.serverPid) return options.serverPid;
  const { hostname, port } = new URL(options.url);
  if (!["127.0.0.1", "localhost", "[::1]", "0.0.0.0"].includes(hostname)) return null;
  return findListeningPid(Number(port || 80));
}

async function measure(options: BenchOptions): Promise<boolean> {
  const pages = selectBenchPages(options.pages);
  const session = pages.some((page) => page.signedIn) ? readSession(options.sessionFile) : null;
  const cookie = session ? `${session.name}=${session.value}` : null;

  // Each page once, checked in full, before any load: a stale session or a wrong server stops here.
  const agent = new http.Agent({ keepAlive: false });
  for (const page of pages) {
    const response = await get(agent, { url: `${options.url}${page.path}`, headers: headersFor(page, cookie, { ...options, gzip: false }) });
    const reason = refusal(response, page.markers.map((marker) => Buffer.from(marker)));
    if (reason) {
      console.error(`${page.path} is not the expected page (${reason}).${page.signedIn ? " Is the session still valid? Run --prepare again with the server stopped (PGlite), with the server's AUTH_SECRET and APP_URL." : ""}`);
      return false;
    }
  }
  agent.destroy();

  const pid = serverPid(options);
  const rss = () => (pid ? (treeRss(pid)?.kilobytes ?? null) : null);
  const before = rss();
  let peak = before ?? 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rss() ?? 0);
  }, 500);

  const schedule = benchSchedule(pages, options.rounds);
  const totalSeconds = (options.seconds + options.warmupSeconds) * schedule.length;
  console.log(
    `${options.url}: ${options.connections} connections, ${options.warmupSeconds} s warm-up + ${options.seconds} s per page, ${options.rounds} round(s): about ${Math.ceil(totalSeconds / 60)} min.` +
      `${pid ? ` Server pid ${pid}.` : " Server process not found: RSS not reported (set BENCH_SERVER_PID)."}\n`,
  );
  const runs = new Map<BenchPageKey, PageRun[]>();
  const roundRows: string[][] = [];
  try {
    for (const { round, page } of schedule) {
      const run = await loadPage({ url: `${options.url}${page.path}`, headers: headersFor(page, cookie, options), markers: page.markers }, options);
      runs.set(page.key, [...(runs.get(page.key) ?? []), run]);
      const summary = summarizeRuns([run]);
      const errors = Object.entries(run.errors).map(([reason, count]) => `${count}× ${reason}`);
      roundRows.push([`${round}`, page.path, formatNumber(summary.requestsPerSecond, 1), formatNumber(summary.p50Ms, 1), formatNumber(summary.p99Ms, 1), errors.join("; ") || "0"]);
      console.log(`  round ${round} ${page.path.padEnd(26)} ${formatNumber(summary.requestsPerSecond, 1).padStart(8)} req/s${errors.length ? `  errors: ${errors.join("; ")}` : ""}`);
    }
  } finally {
    clearInterval(sampler);
  }
  const after = rss();
  if (after !== null) peak = Math.max(peak, after);

  const summaries = new Map(pages.map((page) => [page.key, summarizeRuns(runs.get(page.key) ?? [])]));
  console.log(`\nEach round:\n${formatTable(["round", "page", "req/s", "p50 ms", "p99 ms", "errors"], roundRows, ["right", "left", "right", "right", "right", "left"])}`);
  console.log(
    `\nAll rounds:\n${formatTable(
      ["page", "req/s", "p50 ms", "p99 ms", "requests", "errors"],
      pages.map((page) => {
        const summary = summaries.get(page.key)!;
        return [page.path, formatNumber(summary.requestsPerSecond, 1), formatNumber(summary.p50Ms, 1), formatNumber(summary.p99Ms, 1), String(summary.requests), String(summary.errors)];
      }),
    )}`,
  );

  const compared = pages.filter((page) => page.comparedWith);
  let goalsMet = true;
  if (compared.length > 0) {
    const ratioRows = compared.map((page) => {
      const { anchor, goal } = page.comparedWith!;
      const ratio = throughputRatio(summaries.get(page.key)!, summaries.get(anchor)!);
      const met = ratio >= goal;
      goalsMet &&= met;
      return [page.path, pages.find((candidate) => candidate.key === anchor)!.path, formatNumber(ratio, 2), `≥ ${goal}`, met ? "met" : "not met"];
    });
    console.log(`\nRequests/s as a share of the anchor's:\n${formatTable(["page", "anchor", "ratio", "goal", ""], ratioRows, ["left", "left", "right", "left", "left"])}`);
  }
  console.log(
    `\nServer RSS${pid ? ` (pid ${pid} and its children)` : ""}: before ${formatMegabytes(before)}, peak ${formatMegabytes(pid ? peak : null)}, after ${formatMegabytes(after)} (goal ≤ 350 MB after).`,
  );
  const errors = [...summaries.values()].reduce((sum, summary) => sum + summary.errors, 0);
  if (errors > 0) console.error(`\n${errors} request(s) failed: the figures above count only the expected pages.`);
  console.log(goalsMet ? "\nEvery ratio meets its goal." : "\nSome ratios miss their goal.");
  return errors === 0;
}

try {
  const options = parseBenchOptions(process.argv.slice(2), process.env);
  if (options.help) console.log(BENCH_USAGE);
  else if (options.mode === "prepare") await prepare(options);
  else if (!(await measure(options))) process.exitCode = 1;
} catch (error) {
  if (error instanceof BenchUsageError) console.error(`${error.message}\n\n${BENCH_USAGE}`);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
