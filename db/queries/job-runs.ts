import { and, eq, lt, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { jobRuns, type JobRunStatus } from "../schema";

/** A runner's claim on one period of a job: only its holder records how the pass ended. */
export interface JobRunClaim {
  job: string;
  periodStart: Date;
  claimToken: string;
}

/**
 * Claims a period of a job for one runner: inserts the period's row, or takes over one whose pass
 * failed or whose runner's lease has passed (it died mid-pass). One statement, settled by the
 * primary key: of any number of instances claiming at once, one gets it. Returns whether this
 * claim did.
 */
export async function claimJobRun(executor: Executor, values: JobRunClaim & { claimedBy: string; now: Date; leaseUntil: Date }): Promise<boolean> {
  const run = { status: "running" as const, claimToken: values.claimToken, claimedBy: values.claimedBy, startedAt: values.now, leaseUntil: values.leaseUntil };
  const rows = await executor
    .insert(jobRuns)
    .values({ job: values.job, periodStart: values.periodStart, ...run })
    .onConflictDoUpdate({
      target: [jobRuns.job, jobRuns.periodStart],
      set: { ...run, attempts: sql`${jobRuns.attempts} + 1`, finishedAt: null, summary: null },
      setWhere: or(eq(jobRuns.status, "failed"), and(eq(jobRuns.status, "running"), lt(jobRuns.leaseUntil, values.now))),
    })
    .returning({ claimToken: jobRuns.claimToken });
  return rows[0]?.claimToken === values.claimToken;
}

/** Records how a claimed pass ended, if the claim still holds the period; returns whether it did. */
export async function finishJobRun(executor: Executor, claim: JobRunClaim, values: { status: Exclude<JobRunStatus, "running">; finishedAt: Date; summary: string }): Promise<boolean> {
  const rows = await executor
    .update(jobRuns)
    .set({ status: values.status, finishedAt: values.finishedAt, summary: values.summary.slice(0, 1000) })
    .where(and(eq(jobRuns.job, claim.job), eq(jobRuns.periodStart, claim.periodStart), eq(jobRuns.claimToken, claim.claimToken)))
    .returning({ job: jobRuns.job });
  return rows.length > 0;
}

/** Who holds or ran a job's period, and how it stands (null when nobody has claimed it). */
export async function findJobRun(executor: Executor, job: string, periodStart: Date) {
  const [row] = await executor
    .select({ status: jobRuns.status, claimedBy: jobRuns.claimedBy, attempts: jobRuns.attempts, finishedAt: jobRuns.finishedAt, summary: jobRuns.summary })
    .from(jobRuns)
    .where(and(eq(jobRuns.job, job), eq(jobRuns.periodStart, periodStart)))
    .limit(1);
  return row ?? null;
}

/** Forgets a job's periods older than `before` (the table is a record of recent runs, not an archive). */
export async function pruneJobRuns(executor: Executor, job: string, before: Date): Promise<number> {
  const rows = await executor
    .delete(jobRuns)
    .where(and(eq(jobRuns.job, job), lt(jobRuns.periodStart, before)))
    .returning({ job: jobRuns.job });
  return rows.length;
}
