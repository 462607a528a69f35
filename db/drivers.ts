import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Database, DatabaseHandle } from "./client";
import { acquireDirectoryLock } from "./lock";
import * as schema from "./schema";

export function openPostgresDatabase(url: string): DatabaseHandle {
  const client = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    // Survive a database restart: drop idle connections and reconnect on demand.
    idle_timeout: 30,
    connect_timeout: 10,
  });
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

export function openEmbeddedDatabase(dataDir: string): DatabaseHandle {
  const releaseLock = acquireDirectoryLock(dataDir);
  const client = new PGlite(dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    close: async () => {
      try {
        await client.close();
      } finally {
        releaseLock();
      }
    },
  };
}

/** An embedded database that lives in memory only (tests). */
export async function openMemoryDatabase(loadDataDir?: Blob | File): Promise<DatabaseHandle> {
  const client = await PGlite.create(loadDataDir ? { loadDataDir } : {});
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return { db, kind: "pglite", close: () => client.close() };
}
