import fs from "node:fs";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { csvLine } from "./csv";

export interface Rejection {
  file: string;
  line: number;
  reason: string;
  raw: string;
}

/** How many rejected rows the summary shows when there is no report file. */
export const REJECTIONS_SHOWN = 10;

/**
 * The rejected rows of a run: a CSV file (file, line, reason, raw) when one was asked for,
 * written as they come with backpressure; otherwise only the first few are kept for the summary.
 */
export class RejectionReport {
  readonly shown: Rejection[] = [];
  count = 0;
  private readonly stream: fs.WriteStream | null;

  constructor(readonly path: string | null) {
    // Written at once, so that a report path that can't be written fails before anything loads.
    if (path) fs.writeFileSync(path, csvLine(["file", "line", "reason", "raw"]));
    this.stream = path ? fs.createWriteStream(path, { encoding: "utf8", flags: "a" }) : null;
  }

  /** Returns a promise only when the report's stream asks the caller to wait. */
  add(rejection: Rejection): Promise<void> | undefined {
    this.count += 1;
    if (this.shown.length < REJECTIONS_SHOWN) this.shown.push(rejection);
    if (!this.stream) return undefined;
    const ok = this.stream.write(csvLine([rejection.file, rejection.line, rejection.reason, rejection.raw]));
    return ok ? undefined : once(this.stream, "drain").then(() => undefined);
  }

  async close(): Promise<void> {
    if (!this.stream) return;
    this.stream.end();
    await finished(this.stream);
  }
}
