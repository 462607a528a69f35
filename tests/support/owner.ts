import { sql } from "drizzle-orm";
import { database, type Database } from "@/db/client";
import { openPostgresDatabase } from "@/db/drivers";

/**
 * Runs `work` as the owner of the schema instead of the application's role: on PGlite (one
 * connection) by RESET ROLE and back; on PostgreSQL on a separate connection that never switched.
 */
export async function asOwner<T>(work: (owner: Database) => Promise<T>): Promise<T> {
  const handle = database();
  if (handle.kind === "pglite") {
    await handle.db.execute(sql`RESET ROLE`);
    try {
      return await work(handle.db);
    } finally {
      if (handle.role) await handle.db.execute(sql.raw(`SET ROLE ${handle.role}`));
    }
  }
  const url = (globalThis as { __testDatabaseUrl?: string }).__testDatabaseUrl;
  if (!url) throw new Error("asOwner() needs the test file's own PostgreSQL database (tests/support/database-setup.ts).");
  const owner = openPostgresDatabase(url, { role: null });
  try {
    return await work(owner.db);
  } finally {
    await owner.close();
  }
}
