import { randomUUID } from "node:crypto";
import { db as defaultDb, type Database } from "@/db/client";
import { claimJobRun, findJobRun, finishJobRun, pruneJobRuns } from "@/db/queries/job-runs";
import type { JobRunStatus } from "@/db/schema";
import { instanceName } from "@/lib/instance";

/** A pass that should run once per period, whichever instance (or cron run) gets to it first. */
export interface ScheduledJob<Report> {
  /** Its key in job_runs and its name in logs. */
  name: string;
  /** The period's length; every instance must use the same. */
  periodSeconds: number;
  /** The pass itself, with the clock it runs at. */
  pass: (now: Date) => Promise<Report>;
  /** One line about what a pass did. */
  describe: (report: Report) => string;
}

export type PassOutcome<Report> =
  | { status: "ran"; periodStart: Date; report: Report }
  /** Another runner has the period: it ran it, or is running it now. */
  | { status: "skipped"; periodStart: Date; runStatus: JobRunStatus | null; runBy: string | null }
  | { status: "failed"; periodStart: Date; error: string };

/** How long a runner may take over its pass before another may claim the period again (it is taken to have died). */
const MAX_LEASE_SECONDS = 5 * 60;
/** How long job_runs remembers a period. */
const KEEP_RUNS_MS = 30 * 24 * 60 * 60 * 1000;

/** The start of the period `now` falls in: periods are counted from the Unix epoch, so every instance agrees. */
export function periodStartOf(now: Date, periodSeconds: number): Date {
  const length = periodSeconds * 1000;
  return new Date(Math.floor(now.getTime() / length) * length);
}

/** The innermost message of an error on one line (driver errors arrive wrapped in drizzle's "Failed query: ..."). */
export function oneLineReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return (cause instanceof Error ? cause.message : String(cause)).replace(/\s+/g, " ");
}

/**
 * Runs the job's pass if nobody has run its current period yet: claims the period in job_runs
 * (one row per job and period, settled by its primary key), runs the pass, records how it went.
 * A failed pass (the database away, say) leaves the period claimable, so the next attempt in the
 * period runs it; so does a runner that died mid-pass, once its lease has passed. Works the same
 * on PGlite, where the one process is the only runner.
 */
export async function runOncePerPeriod<Report>(
  job: ScheduledJob<Report>,
  now = new Date(),
  options: { database?: Database; runner?: string } = {},
): Promise<PassOutcome<Report>> {
  const database = options.database ?? defaultDb;
  const periodStart = periodStartOf(now, job.periodSeconds);
  const claim = { job: job.name, periodStart, claimToken: randomUUID() };
  const leaseUntil = new Date(now.getTime() + Math.min(job.periodSeconds, MAX_LEASE_SECONDS) * 1000);
  if (!(await claimJobRun(database, { ...claim, claimedBy: options.runner ?? instanceName(), now, leaseUntil }))) {
    const run = await findJobRun(database, job.name, periodStart);
    return { status: "skipped", periodStart, runStatus: run?.status ?? null, runBy: run?.claimedBy ?? null };
  }
  const started = performance.now();
  const finishedAt = () => new Date(now.getTime() + Math.round(performance.now() - started));
  let report: Report;
  try {
    report = await job.pass(now);
  } catch (error) {
    const reason = oneLineReason(error);
    // With the database away this fails too: the period stays claimed until the lease passes.
    await finishJobRun(database, claim, { status: "failed", finishedAt: finishedAt(), summary: reason }).catch(() => undefined);
    return { status: "failed", periodStart, error: reason };
  }
  await finishJobRun(database, claim, { status: "succeeded", finishedAt: finishedAt(), summary: job.describe(report) });
  await pruneJobRuns(database, job.name, new Date(periodStart.getTime() - KEEP_RUNS_MS));
  return { status: "ran", periodStart, report };
}

/** One line about an outcome, for logs and `npm run jobs:run`. */
export function describeOutcome<Report>(job: ScheduledJob<Report>, outcome: PassOutcome<Report>): string {
  const period = `the period from ${outcome.periodStart.toISOString()}`;
  switch (outcome.status) {
    case "ran":
      return `[jobs] ${job.name}: ran the pass of ${period} here: ${job.describe(outcome.report)}.`;
    case "skipped":
      return `[jobs] ${job.name}: ${period} ${outcome.runStatus === "running" ? "is being run" : "was run"} by ${outcome.runBy ?? "another runner"}.`;
    case "failed":
      return `[jobs] ${job.name}: the pass of ${period} failed; it will be retried: ${outcome.error}`;
  }
}
