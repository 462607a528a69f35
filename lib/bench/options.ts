/** How `npm run bench:pages` runs: flags win over environment variables, which win over defaults. */
export interface BenchOptions {
  /** "prepare": write the bench account and its session (server stopped on PGlite); "measure": load the running server. */
  mode: "measure" | "prepare";
  /** The running `npm start` (BENCH_URL). */
  url: string;
  /** Measured seconds per page and round (BENCH_SECONDS). */
  seconds: number;
  /** Unmeasured seconds of load before each measurement (BENCH_WARMUP). */
  warmupSeconds: number;
  /** Concurrent keep-alive connections (BENCH_CONNECTIONS). */
  connections: number;
  /** Rounds over every page, the order reversed each round (BENCH_ROUNDS). */
  rounds: number;
  /** Only these pages (by key), or all. */
  pages: string[] | null;
  /** The server's process (BENCH_SERVER_PID); found by the URL's port when unset. */
  serverPid: number | null;
  /** Where --prepare writes the session cookie and the measurement reads it (BENCH_SESSION_FILE). */
  sessionFile: string;
  /** Send Accept-Encoding: gzip as browsers do (the server then compresses each page). */
  gzip: boolean;
  help: boolean;
}

export class BenchUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BenchUsageError";
  }
}

export const BENCH_USAGE = `Usage: npm run bench:pages -- [options]

  --prepare              write the bench delegate (50 Tax IDs x 3 NPIs) and a fresh session, then exit
                         (on the embedded database, run it while the server is stopped)
  --url URL              the running server (BENCH_URL, default http://127.0.0.1:3000)
  --seconds N            measured seconds per page and round (BENCH_SECONDS, default 10)
  --warmup N             warm-up seconds before each measurement (BENCH_WARMUP, default 3)
  --connections N        concurrent keep-alive connections (BENCH_CONNECTIONS, default 10)
  --rounds N             rounds over the pages, order reversed each round (BENCH_ROUNDS, default 2)
  --pages a,b            only these pages: anchor-prerendered, home, register, signin, anchor-signed-in, access
  --server-pid PID       the server's process for RSS (BENCH_SERVER_PID; default: found by the URL's port)
  --session-file PATH    the prepared session (BENCH_SESSION_FILE, default .data/bench-session.json)
  --gzip                 ask for gzip like a browser (default: no Accept-Encoding, like autocannon)
  --help                 this text`;

const VALUE_FLAGS = new Set(["url", "seconds", "warmup", "connections", "rounds", "pages", "server-pid", "session-file"]);
const SWITCHES = new Set(["prepare", "gzip", "help"]);

function positiveNumber(name: string, raw: string | undefined, fallback: number, { integer = false, min = 1 } = {}): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new BenchUsageError(`${name} must be ${integer ? "a whole number" : "a number"} of at least ${min} (got ${JSON.stringify(raw)}).`);
  }
  return value;
}

/** Reads `--name value`, `--name=value` and switches; an unknown flag is an error, not ignored. */
export function parseBenchOptions(argv: readonly string[], env: Record<string, string | undefined> = {}): BenchOptions {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new BenchUsageError(`Unexpected argument ${JSON.stringify(arg)}.`);
    const [, name = "", inline] = match;
    if (SWITCHES.has(name)) {
      if (inline !== undefined) throw new BenchUsageError(`--${name} takes no value.`);
      switches.add(name);
    } else if (VALUE_FLAGS.has(name)) {
      const value = inline ?? argv[i + 1];
      if (value === undefined || (inline === undefined && value.startsWith("--"))) throw new BenchUsageError(`--${name} needs a value.`);
      if (inline === undefined) i += 1;
      values.set(name, value);
    } else {
      throw new BenchUsageError(`Unknown option --${name}.`);
    }
  }

  const url = values.get("url") ?? env.BENCH_URL ?? "http://127.0.0.1:3000";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BenchUsageError(`The server's URL is not a URL: ${JSON.stringify(url)}.`);
  }
  if (parsed.protocol !== "http:") throw new BenchUsageError(`Only http:// servers can be measured (got ${parsed.protocol}).`);

  const pidRaw = values.get("server-pid") ?? env.BENCH_SERVER_PID;
  const pagesRaw = values.get("pages");
  return {
    mode: switches.has("prepare") ? "prepare" : "measure",
    url: parsed.origin,
    seconds: positiveNumber("--seconds", values.get("seconds") ?? env.BENCH_SECONDS, 10),
    warmupSeconds: positiveNumber("--warmup", values.get("warmup") ?? env.BENCH_WARMUP, 3, { min: 0 }),
    connections: positiveNumber("--connections", values.get("connections") ?? env.BENCH_CONNECTIONS, 10, { integer: true }),
    rounds: positiveNumber("--rounds", values.get("rounds") ?? env.BENCH_ROUNDS, 2, { integer: true }),
    pages: pagesRaw ? pagesRaw.split(",").map((page) => page.trim()).filter(Boolean) : null,
    serverPid: pidRaw ? positiveNumber("--server-pid", pidRaw, 0, { integer: true }) : null,
    sessionFile: values.get("session-file") ?? env.BENCH_SESSION_FILE ?? ".data/bench-session.json",
    gzip: switches.has("gzip"),
    help: switches.has("help"),
  };
}
