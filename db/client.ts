import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { openEmbeddedDatabase, openPostgresDatabase } from "./drivers";
import * as schema from "./schema";

/** One type for both drivers (a union of the two drizzle types is not callable). */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  close: () => Promise<void>;
}

const globalForDb = globalThis as unknown as { __portalDatabase?: DatabaseHandle };

/**
 * The process's database: PostgreSQL via postgres.js when DATABASE_URL is set, otherwise
 * the embedded PGlite under PGLITE_DATA_DIR. Opened on first use, held on globalThis so that
 * `next dev` reloads reuse it (PGlite serves one process, and one client per directory).
 */
export function database(): DatabaseHandle {
  if (!globalForDb.__portalDatabase) {
    const url = process.env.DATABASE_URL;
    globalForDb.__portalDatabase = url
      ? openPostgresDatabase(url)
      : openEmbeddedDatabase(process.env.PGLITE_DATA_DIR || ".data/pglite");
  }
  return globalForDb.__portalDatabase;
}

/** Tests install a database of their own (a fresh PGlite or a throwaway PostgreSQL database). */
export function useDatabase(handle: DatabaseHandle | undefined): void {
  globalForDb.__portalDatabase = handle;
}

export async function closeDatabase(): Promise<void> {
  const handle = globalForDb.__portalDatabase;
  globalForDb.__portalDatabase = undefined;
  await handle?.close();
}

/**
 * The drizzle client, resolved lazily so that importing a module never opens the database
 * (`next build` imports every route but must not touch the embedded database).
 */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = database().db as unknown as Record<PropertyKey, unknown>;
    const value = real[property];
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(real) : value;
  },
});

/** Either the database or a transaction inside it: queries accept both. */
export type Executor = Database;
