import "../../db/load-env";
import { parseArgs } from "node:util";
import { closeDatabase, ownerDatabase } from "../../db/client";
import { formatFileSummary, formatImportSummary, importRecordsFolder } from "../../lib/records/import/import-folder";

// `npm run records:import -- <folder> [--report <file>]`
// Loads the health plan's records from a folder of CSV files (README: "The health plan's records"),
// as the owner of the schema, on DATABASE_URL or else the embedded database. On the embedded
// database, stop the portal first (one process per data directory). Ctrl-C rolls back the file
// being loaded; running the same import again is safe.
const usage = "Usage: npm run records:import -- <folder> [--report <rejected-rows.csv>]";

const controller = new AbortController();
process.once("SIGINT", () => {
  console.error("Interrupted: rolling back the file being loaded...");
  controller.abort();
});

try {
  const { values, positionals } = parseArgs({ options: { report: { type: "string" }, help: { type: "boolean" } }, allowPositionals: true, strict: true });
  if (values.help || positionals.length !== 1) {
    console.log(usage);
    if (!values.help) process.exitCode = 2;
  } else {
    const handle = ownerDatabase();
    console.log(`Importing ${positionals[0]} into ${handle.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : "the embedded database"}...`);
    const summary = await importRecordsFolder(handle.db, positionals[0]!, {
      reportFile: values.report ?? null,
      signal: controller.signal,
      log: (line) => console.log(line),
      progress: (line) => console.error(line),
      onFile: (file) => console.log(formatFileSummary(file)),
    });
    for (const line of formatImportSummary(summary, { files: false })) console.log(line);
    if (!summary.ok) process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error(usage);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
