import "./load-env";
import { sql } from "drizzle-orm";
import { closeDatabase, database } from "./client";
import { runMigrations } from "./migrator";
import { seedDemoData } from "./seed/demo";

// Drops every table and type, then migrates and loads the demo data again.
try {
  const handle = database();
  await handle.db.execute(sql`DROP SCHEMA IF EXISTS public CASCADE`);
  await handle.db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
  await handle.db.execute(sql`CREATE SCHEMA public`);
  await runMigrations(handle);
  const summary = await seedDemoData(handle.db);
  console.log(`Database reset. ${summary}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
