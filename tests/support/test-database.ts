import postgres from "postgres";

/**
 * What the integration project's global setup hands to each test file: where to get a
 * freshly migrated database from.
 */
export type TestDatabaseSource =
  /** A PGlite data directory (tar) dumped right after migrating; each file loads its own copy. */
  | { kind: "pglite"; dumpFile: string }
  /** A migrated PostgreSQL template; each file creates its own database from it. */
  | { kind: "postgres"; url: string; templateName: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseSource;
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Database names are spliced into CREATE/DROP DATABASE, so only plain identifiers are allowed. */
export function quoteDatabaseName(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a plain database name: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** The database named in a postgres:// URL, lowercased into a plain identifier. */
export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "portal_test";
  return name.toLowerCase().replace(/[^a-z0-9_]/g, "_").replace(/^([^a-z_])/, "_$1");
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export function templateNameFor(url: string): string {
  return `${databaseNameOf(url).slice(0, 59)}_tpl`;
}

/** A connection to the maintenance database `postgres`, where CREATE/DROP DATABASE run. */
export async function withMaintenanceConnection<T>(url: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(withDatabaseName(url, "postgres"), { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Ends every other session on a database: CREATE DATABASE ... TEMPLATE and DROP need it idle. */
export async function disconnectAll(sql: postgres.Sql, name: string): Promise<void> {
  await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ${name} AND pid <> pg_backend_pid()`;
}

/** Creates a database OWNED by the connecting role (PostgreSQL 15 lets only the owner create in public). */
export async function createDatabase(sql: postgres.Sql, name: string, template?: string): Promise<void> {
  const from = template ? ` TEMPLATE ${quoteDatabaseName(template)}` : "";
  const [{ role } = { role: "" }] = await sql<{ role: string }[]>`SELECT current_user AS role`;
  const owner = `"${role.replace(/"/g, '""')}"`;
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (template) await disconnectAll(sql, template);
      await sql.unsafe(`CREATE DATABASE ${quoteDatabaseName(name)} OWNER ${owner}${from}`);
      return;
    } catch (error) {
      // 55006: "source database is being accessed by other users" — a lingering connection; retry.
      if ((error as { code?: string }).code !== "55006" || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

export async function dropDatabase(sql: postgres.Sql, name: string): Promise<void> {
  await sql.unsafe(`DROP DATABASE IF EXISTS ${quoteDatabaseName(name)} WITH (FORCE)`);
}
