import fs from "node:fs";
import type { Database } from "@/db/client";
import { inRecordsTransaction, type RecordsStage, type StageOptions } from "@/db/queries/records-import";
import { readCsvRecords } from "./csv";
import { readHeader, rowReader, type RecordsFile } from "./files";
import type { RejectionReport } from "./report";

export interface FileSummary {
  file: string;
  /** loaded: committed; missing: no such file; refused: bad header, nothing written; failed: rolled back. */
  status: "loaded" | "missing" | "refused" | "failed";
  read: number;
  /** Valid rows now in the table as given: inserted + updated + unchanged. */
  loaded: number;
  inserted: number;
  updated: number;
  rejected: number;
  seconds: number;
  message?: string;
}

export interface LoadOptions extends StageOptions {
  signal?: AbortSignal;
  /** Progress lines (stderr in the CLI): every `progressEveryRows` rows or `progressEveryMs`, whichever comes first. */
  progress?: (line: string) => void;
  progressEveryRows?: number;
  progressEveryMs?: number;
}

export class ImportAbortedError extends Error {
  constructor() {
    super("The import was interrupted.");
    this.name = "ImportAbortedError";
  }
}

/** The rows staged since the last flush, to find the text of a line the merge rejects (lines only grow). */
class ChunkLines {
  lines: number[] = [];
  raws: string[] = [];

  push(line: number, raw: string) {
    this.lines.push(line);
    this.raws.push(raw);
  }

  rawOf(line: number): string {
    let low = 0;
    let high = this.lines.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const found = this.lines[middle]!;
      if (found === line) return this.raws[middle]!;
      if (found < line) low = middle + 1;
      else high = middle - 1;
    }
    return "";
  }

  clear() {
    this.lines = [];
    this.raws = [];
  }
}

/**
 * Loads one file of a records folder in one transaction: every row is validated here before it
 * is written, rejected rows go to the report with their line, and the load goes on. If anything
 * else fails (or the run is interrupted), the file's transaction rolls back and the error is thrown.
 */
export async function loadRecordsFile(db: Database, path: string, spec: RecordsFile, report: RejectionReport, options: LoadOptions = {}): Promise<FileSummary> {
  const started = performance.now();
  const summary: FileSummary = { file: spec.file, status: "loaded", read: 0, loaded: 0, inserted: 0, updated: 0, rejected: 0, seconds: 0 };
  const seconds = () => (performance.now() - started) / 1000;
  const everyRows = options.progressEveryRows ?? 1_000_000;
  const everyMs = options.progressEveryMs ?? 5_000;
  let nextRows = everyRows;
  let nextTime = started + everyMs;

  const reject = (line: number, reason: string, raw: string) => {
    summary.rejected += 1;
    return report.add({ file: spec.file, line, reason, raw });
  };

  await inRecordsTransaction(
    db,
    spec.table,
    async (stage: RecordsStage) => {
      const chunk = new ChunkLines();
      // Between reads and after each chunk's merge: say how far the load is, and stop if asked to.
      const checkpoint = () => {
        if (options.progress && (summary.read >= nextRows || performance.now() >= nextTime)) {
          options.progress(`${spec.file}: ${summary.read.toLocaleString("en-US")} rows read, ${summary.rejected.toLocaleString("en-US")} rejected, ${Math.round(summary.read / seconds()).toLocaleString("en-US")} rows/s`);
          nextRows = (Math.floor(summary.read / everyRows) + 1) * everyRows;
          nextTime = performance.now() + everyMs;
        }
        if (options.signal?.aborted) throw new ImportAbortedError();
      };
      const flush = async () => {
        const staged = chunk.lines.length;
        const merged = await stage.flush();
        summary.inserted += merged.inserted;
        summary.updated += merged.updated;
        summary.loaded += staged - merged.rejected.length;
        for (const { line, reason } of merged.rejected) await reject(line, reason, chunk.rawOf(line));
        chunk.clear();
        checkpoint();
      };

      let read: ((fields: readonly string[]) => ReturnType<ReturnType<typeof rowReader>>) | null = null;
      const input = fs.createReadStream(path, { encoding: "utf8", highWaterMark: 1024 * 1024 });
      try {
        for await (const records of readCsvRecords(input)) {
          for (const record of records) {
            if (!read) {
              const header = record.fields ? readHeader(spec, record.fields) : { ok: false as const, error: record.error ?? "unreadable" };
              if (!header.ok) {
                summary.status = "refused";
                summary.message = `header (line ${record.line}): ${header.error}`;
                await reject(record.line, `header: ${header.error}`, record.raw);
                return;
              }
              read = rowReader(spec, header);
              continue;
            }
            summary.read += 1;
            const row = record.fields ? read(record.fields) : { ok: false as const, reason: record.error ?? "unreadable" };
            if (!row.ok) {
              const wait = reject(record.line, row.reason, record.raw);
              if (wait) await wait;
              continue;
            }
            chunk.push(record.line, record.raw);
            const wait = stage.add(record.line, row.values);
            if (wait) await wait;
            if (chunk.lines.length >= stage.chunkRows) await flush();
          }
          checkpoint();
        }
        if (!read) {
          summary.status = "refused";
          summary.message = "empty file: the first line must be the header";
          return;
        }
        await flush();
      } finally {
        input.destroy();
      }
    },
    options,
  );
  summary.seconds = seconds();
  return summary;
}
