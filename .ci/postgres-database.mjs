// Creates or drops a throwaway database on the machine's PostgreSQL (127.0.0.1:5432, user postgres).
import postgres from "postgres";

const [action, name] = process.argv.slice(2);
if (!["create", "drop"].includes(action) || !/^[a-z0-9_]+$/.test(name ?? "")) {
  console.error("usage: node .ci/postgres-database.mjs create|drop <name>");
  process.exit(2);
}
const sql = postgres(process.env.CI_POSTGRES_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres", { onnotice: () => {} });
try {
  if (action === "create") {
    await sql.unsafe(`CREATE DATABASE "${name}"`);
  } else {
    // Also drop the per-file databases and template the test run derived from this one.
    const rows = await sql`SELECT datname FROM pg_database WHERE datname = ${name} OR datname LIKE ${`${name}\\_%`}`;
    for (const { datname } of rows) await sql.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  console.log(`${action === "create" ? "Created" : "Dropped"} database ${name}.`);
} finally {
  await sql.end();
}
