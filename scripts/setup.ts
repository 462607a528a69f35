import "../db/load-env";
import fs from "node:fs";
import { closeDatabase, ownerDatabase } from "../db/client";
import { runMigrations } from "../db/migrator";
import { developmentSecretLines, generateDevelopmentSecret } from "../lib/dev-secret.mjs";
import { seedDemoData } from "./seed/demo";

/**
 * First step of `npm run dev`: gives this checkout a generated development secret (in the
 * git-ignored .env.local, never committed; it starts with "dev-only-" so that a production start
 * refuses it), then migrates the database and loads the demo data (idempotent). It closes the
 * database before `next dev` opens it.
 */
const envFile = ".env.local";
const existing = fs.existsSync(envFile) ? fs.readFileSync(envFile, "utf8") : "";
if (!process.env.AUTH_SECRET && !/^AUTH_SECRET=.+/m.test(existing)) {
  if (process.env.NODE_ENV === "production") {
    console.log("NODE_ENV=production: no development AUTH_SECRET generated. Set your own before `npm start` (`openssl rand -base64 32`; see README \"Production\").");
  } else {
    fs.writeFileSync(envFile, `${existing}${existing && !existing.endsWith("\n") ? "\n" : ""}${developmentSecretLines(generateDevelopmentSecret())}`);
    console.log(`Generated a development AUTH_SECRET in ${envFile}.`);
  }
}

try {
  const handle = ownerDatabase();
  await runMigrations(handle);
  console.log(await seedDemoData(handle.db));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
