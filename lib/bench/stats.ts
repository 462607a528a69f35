/** One measurement of one page: the latency of every good response, how long it ran, what went wrong. */
export interface PageRun {
  latenciesMs: number[];
  seconds: number;
  /** Failed requests by reason ("302", "marker missing", "ECONNRESET" …). */
  errors: Record<string, number>;
}

export interface PageSummary {
  requests: number;
  errors: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** Nearest-rank percentile of ascending values (NaN when there are none). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** The middle value, in any order (the upper of the two middle ones for an even count; NaN when there are none). */
export function medianOf(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
}

/** Several runs of a page (its rounds) as one: all their requests over all their seconds. */
export function summarizeRuns(runs: readonly PageRun[]): PageSummary {
  const latencies = runs.flatMap((run) => run.latenciesMs).sort((a, b) => a - b);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  const errors = runs.reduce((sum, run) => sum + Object.values(run.errors).reduce((a, b) => a + b, 0), 0);
  return {
    requests: latencies.length,
    errors,
    requestsPerSecond: seconds > 0 ? latencies.length / seconds : 0,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

/** A page's requests/s as a share of its anchor's (NaN when the anchor served nothing). */
export function throughputRatio(page: PageSummary, anchor: PageSummary): number {
  return anchor.requestsPerSecond > 0 ? page.requestsPerSecond / anchor.requestsPerSecond : NaN;
}

/** A plain-text table; by default the first column left-aligned, the others right-aligned (numbers). */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, align?: ReadonlyArray<"left" | "right">): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)));
  const alignOf = (column: number) => align?.[column] ?? (column === 0 ? "left" : "right");
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (alignOf(column) === "left" ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

export function formatNumber(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}

/** Kilobytes (as /proc reports them) in MB. */
export function formatMegabytes(kilobytes: number | null): string {
  return kilobytes === null ? "n/a" : `${(kilobytes / 1024).toFixed(0)} MB`;
}
