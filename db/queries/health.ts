import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { rowsOf } from "../rows";

/** PostgreSQL's "relation does not exist" and "schema does not exist": a database nobody has migrated. */
const NOT_MIGRATED = new Set(["42P01", "3F000"]);

function sqlState(error: unknown): string | undefined {
  const cause = error instanceof Error && error.cause ? error.cause : error;
  return (cause as { code?: unknown } | null)?.code as string | undefined;
}

/**
 * When each applied migration was generated (its `when` in db/migrations/meta/_journal.json), read
 * from drizzle's own table (portal_app may read it: migration 0005). Empty for a database that
 * was never migrated. Any other failure (unreachable, refused) is thrown.
 */
export async function appliedMigrationTimes(executor: Executor): Promise<number[]> {
  try {
    const result: unknown = await executor.execute(sql`SELECT created_at FROM drizzle.__drizzle_migrations`);
    return rowsOf<{ created_at: string | number | bigint }>(result).map((row) => Number(row.created_at));
  } catch (error) {
    if (NOT_MIGRATED.has(sqlState(error) ?? "")) return [];
    throw error;
  }
}
