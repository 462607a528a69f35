import { database, type Database } from "@/db/client";
import { openPostgresDatabase } from "@/db/drivers";

/**
 * Databases standing for `count` app instances on the test file's database: on PostgreSQL each
 * its own pool of connections as the app's role (as another server process would have); on
 * PGlite, which serves one process, the one database it has.
 */
export async function withInstances<T>(count: number, work: (instances: Database[]) => Promise<T>): Promise<T> {
  const handle = database();
  if (handle.kind === "pglite") return work(Array.from({ length: count }, () => handle.db));
  const url = (globalThis as { __testDatabaseUrl?: string }).__testDatabaseUrl;
  if (!url) throw new Error("withInstances() needs the test file's own PostgreSQL database (tests/support/database-setup.ts).");
  const handles = Array.from({ length: count }, () => openPostgresDatabase(url, { role: handle.role }));
  try {
    return await work(handles.map((instance) => instance.db));
  } finally {
    await Promise.all(handles.map((instance) => instance.close()));
  }
}
