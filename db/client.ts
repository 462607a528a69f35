import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { openEmbeddedDatabase, openPostgresDatabase } from "./drivers";
import * as schema from "./schema";

/** One type for both drivers (a union of the two drizzle types is not callable). */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** The role the connection switched to (SET ROLE), or null when it runs as the connecting role. */
  role: string | null;
  close: () => Promise<void>;
}

/** The role the application runs under unless DATABASE_APP_ROLE says otherwise ("none": the connecting role). */
export const DEFAULT_APP_ROLE = "portal_app";

export function appRole(source: Record<string, string | undefined> = process.env): string | null {
  const value = source.DATABASE_APP_ROLE?.trim();
  if (!value) return DEFAULT_APP_ROLE;
  return value === "none" ? null : value;
}

function openFromEnv(role: string | null): DatabaseHandle {
  const url = process.env.DATABASE_URL;
  return url ? openPostgresDatabase(url, { role }) : openEmbeddedDatabase(process.env.PGLITE_DATA_DIR || ".data/pglite", { role, sharedBuffers: process.env.PGLITE_SHARED_BUFFERS || undefined });
}

const globalForDb = globalThis as unknown as { __portalDatabase?: DatabaseHandle };

/**
 * The process's database: PostgreSQL via postgres.js when DATABASE_URL is set, otherwise
 * the embedded PGlite under PGLITE_DATA_DIR, running as the application's role (portal_app:
 * it owns nothing and may only read and append to the audit log; see appRole()). Opened on first use, held on globalThis so that
 * `next dev` reloads reuse it (PGlite serves one process, and one client per directory).
 */
export function database(): DatabaseHandle {
  globalForDb.__portalDatabase ??= openFromEnv(appRole());
  return globalForDb.__portalDatabase;
}

/**
 * For migration and seeding scripts only: the process's database as the connecting role (the
 * owner of the schema), never switched to the application's role.
 */
export function ownerDatabase(): DatabaseHandle {
  if (globalForDb.__portalDatabase) throw new Error("The database is already open; open the owner's connection first.");
  globalForDb.__portalDatabase = openFromEnv(null);
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
