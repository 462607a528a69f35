import "./load-env";
import { closeDatabase, ownerDatabase } from "./client";
import { runMigrations } from "./migrator";

try {
  const handle = ownerDatabase();
  await runMigrations(handle);
  console.log(`Migrations applied (${handle.kind === "pglite" ? `embedded database at ${process.env.PGLITE_DATA_DIR || ".data/pglite"}` : "PostgreSQL"}).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
