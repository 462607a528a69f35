import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Database, DatabaseHandle } from "./client";
import { embeddedBuffersProblem } from "../lib/pglite-buffers.mjs";
import { acquireDirectoryLock } from "./lock";
import { guardTransactions } from "./postgres-transactions";
import * as schema from "./schema";

/**
 * How a connection runs: `role` is the database role it switches to (SET ROLE) right after
 * connecting, e.g. "portal_app", the role that owns nothing (migration 0005); null keeps the
 * connecting role, which migrations need because they change the schema.
 */
export interface ConnectionOptions {
  role?: string | null;
}

export interface EmbeddedOptions extends ConnectionOptions {
  /** shared_buffers, e.g. "1GB" (PGLITE_SHARED_BUFFERS); unset: PGlite's own 128MB. */
  sharedBuffers?: string;
}

/**
 * PGlite's start parameters: its own, with shared_buffers when a size is given. PGlite reserves
 * the whole cache when it starts (the process's memory grows by that much at once), and reads
 * what does not fit in it through its file layer, so a large payer's records (1.5 GB of tables
 * and indexes at ten million checks) stay fast only with a cache that holds them.
 */
export function embeddedStartParams(sharedBuffers: string | undefined): string[] | undefined {
  if (!sharedBuffers) return undefined;
  const problem = embeddedBuffersProblem(sharedBuffers);
  if (problem) throw new Error(`The embedded database's cache size ${JSON.stringify(sharedBuffers)} ${problem}.`);
  return [...PGlite.defaultStartParams, "-c", `shared_buffers=${sharedBuffers}`];
}

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function checkedRole(role: string | null | undefined): string | null {
  if (!role) return null;
  if (!ROLE_NAME.test(role)) throw new Error(`Not a plain database role name: ${JSON.stringify(role)}`);
  return role;
}

/**
 * How long postgres.js waits before reconnecting after `failures` failed connections in a row:
 * 0.1 s doubling, at most 1 s. Its default grows to 20 s, so during a database outage every
 * request would wait that long for its error page, and the first ones after the database came
 * back would wait too. Connections are opened only for queries that need one, so a short delay
 * does not storm the database.
 */
export function reconnectDelaySeconds(failures: number): number {
  return Math.min(0.1 * 2 ** Math.max(0, failures - 1), 1) * (0.5 + Math.random() / 2);
}

export function openPostgresDatabase(url: string, options: ConnectionOptions = {}): DatabaseHandle {
  const role = checkedRole(options.role);
  const client = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    // Survive a database restart: a connection the server closed leaves the pool at once, and a
    // new one is opened for the next query (idle ones are dropped after 30 s anyway).
    idle_timeout: 30,
    connect_timeout: 5,
    backoff: reconnectDelaySeconds,
    // A startup parameter, sent by every new connection, the replacements of connections lost to a
    // restart included: each runs as this role from its first query.
    ...(role ? { connection: { role } } : {}),
  });
  preparedByDefault(client);
  // Transactions whose connection is lost end there, instead of crashing the process or being half-saved.
  const db = drizzlePostgres(guardTransactions(client), { schema }) as unknown as Database;
  return { db, kind: "postgres", role, close: () => client.end({ timeout: 5 }) };
}

/**
 * Drizzle sends every query as an unnamed statement, which PostgreSQL parses and plans again each
 * time: for the portal's joins that is most of a page's database time. Here every query with
 * parameters becomes a named prepared statement of its connection (postgres.js keeps one per
 * distinct text), so each connection parses and plans a query once. The query texts are the app's
 * own, so their number is bounded; a connection's statements go with it (idle_timeout, max_lifetime).
 */
function preparedByDefault(client: postgres.Sql): void {
  const unsafe = client.unsafe.bind(client) as (query: string, parameters?: unknown[], options?: { prepare?: boolean }) => unknown;
  (client as unknown as { unsafe: typeof unsafe }).unsafe = (query, parameters, options) =>
    unsafe(query, parameters, parameters && parameters.length > 0 ? { ...options, prepare: true } : options);
}

/** PGlite has one connection: SET ROLE on it once, before any other query (its queries run in call order). */
function assumeRole(client: PGlite, role: string): Promise<void> {
  return client.exec(`SET ROLE ${role}`).then(
    () => undefined,
    (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      console.error(`[db] Could not switch to the database role ${role} (${reason}). Run \`npm run db:migrate\` first; closing the database.`);
      void client.close().catch(() => {});
    },
  );
}

export function openEmbeddedDatabase(dataDir: string, options: EmbeddedOptions = {}): DatabaseHandle {
  const role = checkedRole(options.role);
  const startParams = embeddedStartParams(options.sharedBuffers);
  const releaseLock = acquireDirectoryLock(dataDir);
  const client = new PGlite(dataDir, startParams ? { startParams } : {});
  if (role) void assumeRole(client, role);
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    role,
    close: async () => {
      try {
        if (!client.closed) await client.close();
      } finally {
        releaseLock();
      }
    },
  };
}

/** An embedded database that lives in memory only (tests). */
export async function openMemoryDatabase(loadDataDir?: Blob | File, options: ConnectionOptions = {}): Promise<DatabaseHandle> {
  const role = checkedRole(options.role);
  const client = await PGlite.create(loadDataDir ? { loadDataDir } : {});
  if (role) await client.exec(`SET ROLE ${role}`);
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return { db, kind: "pglite", role, close: () => client.close() };
}
