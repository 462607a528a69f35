import fs from "node:fs";
import path from "node:path";
import type { Database } from "@/db/client";
import { analyzeRecordsTable } from "@/db/queries/records-import";
import { recordAudit } from "@/lib/audit";
import { RECORDS_FILES } from "./files";
import { ImportAbortedError, loadRecordsFile, type FileSummary, type LoadOptions } from "./load-file";
import { RejectionReport, type Rejection } from "./report";

export interface ImportOptions extends LoadOptions {
  /** Where to write every rejected row (CSV); without it only the first few are kept. */
  reportFile?: string | null;
  /** Messages for the person running the import (stdout in the CLI). */
  log?: (line: string) => void;
  /** Called as each file is done (the CLI prints its line at once). */
  onFile?: (file: FileSummary) => void;
}

export interface ImportSummary {
  ok: boolean;
  files: FileSummary[];
  rejected: number;
  /** The first rejections (all of them are in the report file, when there is one). */
  shown: Rejection[];
  reportFile: string | null;
  seconds: number;
  error?: string;
}

/**
 * `npm run records:import`: loads a folder of the health plan's records, file by file in the
 * order of RECORDS_FILES (what a row refers to comes first), each file in its own transaction.
 * A missing file is skipped; a file that fails (or an interruption) rolls back and stops the run,
 * since the files after it may refer to its rows. Re-running is safe: rows are upserted.
 * Records one audit event for the run, with its counts.
 */
export async function importRecordsFolder(db: Database, folder: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`No such folder: ${folder}`);
  const report = new RejectionReport(options.reportFile ?? null);
  const files: FileSummary[] = [];
  let error: string | undefined;
  try {
    for (const spec of RECORDS_FILES) {
      const file = path.join(folder, spec.file);
      if (!fs.existsSync(file)) {
        log(`${spec.file}: not in the folder, skipped.`);
        files.push({ file: spec.file, status: "missing", read: 0, loaded: 0, inserted: 0, updated: 0, rejected: 0, seconds: 0 });
        continue;
      }
      try {
        const summary = await loadRecordsFile(db, file, spec, report, options);
        files.push(summary);
        if (summary.status === "loaded" && summary.inserted + summary.updated > 0) await analyzeRecordsTable(db, spec.table);
        options.onFile?.(summary);
        if (summary.status === "refused") log(`${spec.file}: refused, nothing loaded: ${summary.message}`);
      } catch (failure) {
        error = failure instanceof ImportAbortedError ? failure.message : `${spec.file}: ${describeFailure(failure)}`;
        files.push({ file: spec.file, status: "failed", read: 0, loaded: 0, inserted: 0, updated: 0, rejected: 0, seconds: 0, message: `rolled back: ${error}` });
        log(`${spec.file}: rolled back, nothing of this file was loaded; the files after it were not read. ${error}`);
        break;
      }
    }
  } finally {
    await report.close();
  }

  const summary: ImportSummary = {
    ok: !error,
    files,
    rejected: report.count,
    shown: report.shown,
    reportFile: report.path,
    seconds: (performance.now() - started) / 1000,
    ...(error ? { error } : {}),
  };
  await recordImport(db, summary);
  return summary;
}

/** The database's own words: drizzle wraps them in "Failed query: <the whole statement>". */
function describeFailure(failure: unknown): string {
  const cause = failure instanceof Error && failure.cause instanceof Error ? failure.cause : failure;
  return cause instanceof Error ? cause.message : String(cause);
}

async function recordImport(db: Database, summary: ImportSummary): Promise<void> {
  const details: Record<string, string | number> = { rejected: summary.rejected, seconds: Math.round(summary.seconds) };
  for (const file of summary.files) {
    details[file.file] =
      file.status === "loaded" ? `read ${file.read}, inserted ${file.inserted}, updated ${file.updated}, unchanged ${file.loaded - file.inserted - file.updated}, rejected ${file.rejected}` : file.status;
  }
  await recordAudit(db, null, {
    action: "records.imported",
    outcome: summary.ok ? "success" : "failure",
    reason: summary.ok ? "records_import_command" : summary.error,
    details,
  });
}

function count(value: number): string {
  return value.toLocaleString("en-US");
}

/** One file's line of the summary. */
export function formatFileSummary(file: FileSummary): string {
  if (file.status === "missing") return `${file.file}: skipped (not in the folder)`;
  if (file.status !== "loaded") return `${file.file}: ${file.status}, nothing loaded${file.message ? ` (${file.message})` : ""}`;
  const unchanged = file.loaded - file.inserted - file.updated;
  const rate = file.seconds > 0 ? Math.round(file.read / file.seconds) : file.read;
  return (
    `${file.file}: ${count(file.read)} rows read, ${count(file.loaded)} loaded (${count(file.inserted)} inserted, ${count(file.updated)} updated, ${count(unchanged)} unchanged), ` +
    `${count(file.rejected)} rejected, ${file.seconds.toFixed(1)} s, ${count(rate)} rows/s`
  );
}

/** The summary the CLI prints at the end: the files' lines unless already shown, the total, the rejections. */
export function formatImportSummary(summary: ImportSummary, { files = true } = {}): string[] {
  const lines = files ? summary.files.map(formatFileSummary) : [];
  const read = summary.files.reduce((total, file) => total + file.read, 0);
  lines.push(`Total: ${count(read)} rows read in ${summary.seconds.toFixed(1)} s (${count(Math.round(read / Math.max(summary.seconds, 0.001)))} rows/s), ${count(summary.rejected)} rejected.`);
  if (summary.rejected > 0) {
    if (summary.reportFile) lines.push(`Rejected rows, with their line and reason: ${summary.reportFile}`);
    else {
      for (const r of summary.shown) lines.push(`  ${r.file} line ${r.line}: ${r.reason}`);
      if (summary.rejected > summary.shown.length) lines.push(`  ... and ${count(summary.rejected - summary.shown.length)} more: pass --report <file> to write them all.`);
    }
  }
  return lines;
}
