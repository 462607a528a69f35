import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { npmStartArgs } from "../../../scripts/npm-start-args";

/**
 * System tests drive the built portal (`npm run build:demo`) as real server processes: started
 * the way `npm start` starts it (server.mjs), with their own database, their own output, and
 * stopped with a signal. Each test owns the processes it starts.
 */

const root = path.resolve(import.meta.dirname, "../../..");
const ADMIN_URL = process.env.SYSTEM_POSTGRES_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function assertBuilt(): void {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("No production build found: run `npm run build:demo` before `npm run test:system`.");
  }
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The environment of a demo build's production server (what scripts/e2e-server.ts gives the e2e servers). */
export function demoEnv(port: number, overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: "",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    APP_URL: `http://127.0.0.1:${port}`,
    DEV_MAILBOX: "true",
    DEMO_MODE: "true",
    TRUSTED_PROXY_HOPS: "0",
    RESEND_API_KEY: "",
    OUTBOX_POLL_SECONDS: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.VITEST;
  delete env.VITEST_POOL_ID;
  delete env.VITEST_WORKER_ID;
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** A fresh PGlite data directory (removed by `removeDir`). */
export function tempDir(prefix = "portal-system-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A new, empty PostgreSQL database on the machine's server; `drop()` removes it (ending its sessions). */
export async function createPostgresDatabase(prefix = "portal_system"): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const sql = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
  };
}

/** `npm run setup` for an environment: migrates and loads the demo data (throws with its output on failure). `cwd`: another checkout (see linkedCheckout). */
export function runSetup(env: NodeJS.ProcessEnv, options: { cwd?: string } = {}): string {
  const result = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/setup.ts"], {
    cwd: options.cwd ?? root,
    env,
    encoding: "utf8",
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`npm run setup failed (${result.status}):\n${output}`);
  return output;
}

export interface PortalProcess {
  readonly port: number;
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves when the output matches (rejects after the timeout, or when the process exits first). */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves once a GET of the path answers (any status below 500, or the given one). */
  waitUntilServing(pathname?: string, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code and signal when the process ends. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends the signal (SIGTERM by default) and waits for the exit; SIGKILLs after killAfterMs. */
  stop(signal?: NodeJS.Signals, killAfterMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts the server as `npm start` does (`node`, its flags, server.mjs) on a port with an
 * environment, without waiting for it: call waitUntilServing() or waitForOutput().
 */
export function startPortal(options: { port: number; env: NodeJS.ProcessEnv; args?: string[]; cwd?: string }): PortalProcess {
  const child = spawn(process.execPath, [...npmStartArgs(root), "-p", String(options.port), "-H", "127.0.0.1", ...(options.args ?? [])], {
    cwd: options.cwd ?? root,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  let ended = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => {
      ended = true;
      for (const listener of listeners) listener();
      resolve({ code, signal });
    });
  });
  const url = `http://127.0.0.1:${options.port}`;

  return {
    port: options.port,
    url,
    child,
    output: () => output,
    exited,
    waitForOutput(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = output.match(pattern);
          if (match) {
            done();
            resolve(match[0]);
          } else if (ended) {
            done();
            reject(new Error(`The server exited before printing ${pattern}:\n${output}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`No ${pattern} within ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    async waitUntilServing(pathname = "/signin", timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (ended) throw new Error(`The server exited before serving ${pathname}:\n${output}`);
        try {
          const response = await fetch(`${url}${pathname}`, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
          await response.arrayBuffer();
          if (response.status < 500) return;
        } catch {
          // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error(`${url}${pathname} did not answer within ${timeoutMs} ms:\n${output}`);
    },
    async stop(signal = "SIGTERM", killAfterMs = 15_000) {
      if (!ended) {
        child.kill(signal);
        const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
        timer.unref();
        const result = await exited;
        clearTimeout(timer);
        return result;
      }
      return exited;
    },
  };
}

/**
 * A checkout of its own for a test that needs files the real one must not get (a `.env.local`):
 * a temporary directory whose entries are symbolic links to this checkout's (the build, the code,
 * node_modules), without its .env files, .data or .git. Remove it with removeDir.
 */
export function linkedCheckout(prefix = "portal-checkout-"): string {
  const dir = tempDir(prefix);
  for (const entry of fs.readdirSync(root)) {
    if (entry.startsWith(".env") || entry === ".data" || entry === ".git") continue;
    fs.symlinkSync(path.join(root, entry), path.join(dir, entry));
  }
  return dir;
}

/** `npm run db:migrate` for an environment (throws with its output on failure). */
export function runMigrate(env: NodeJS.ProcessEnv): string {
  const result = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "db/migrate.ts"], { cwd: root, env, encoding: "utf8" });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`npm run db:migrate failed (${result.status}):\n${output}`);
  return output;
}

/** The JSON log lines in a server's output (production logs are one JSON object per line); other lines are returned apart. */
export function logLines(output: string): { entries: Record<string, unknown>[]; other: string[] } {
  const entries: Record<string, unknown>[] = [];
  const other: string[] = [];
  for (const line of output.split("\n")) {
    if (!line.trim()) continue;
    try {
      entries.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      other.push(line);
    }
  }
  return { entries, other };
}
