import "../db/load-env";
import { closeDatabase, ownerDatabase } from "../db/client";
import { dropEverything, runMigrations } from "../db/migrator";
import { seedDemoData } from "./seed/demo";

// Drops every table and type, then migrates and loads the demo data again.
try {
  const handle = ownerDatabase();
  await dropEverything(handle);
  await runMigrations(handle);
  const summary = await seedDemoData(handle.db);
  console.log(`Database reset. ${summary}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
