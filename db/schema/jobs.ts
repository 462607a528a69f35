import { integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";

export const jobRunStatusEnum = pgEnum("job_run_status", ["running", "succeeded", "failed"]);

/**
 * One row per scheduled job and period (lib/jobs/once-per-period.ts): the app instance (or cron
 * run) whose insert makes the row runs that period's pass; every other one finds the row and
 * skips. A pass that failed, or whose runner died while running (its lease has passed), may be
 * claimed again within the same period; claim_token says which claim may record the end.
 */
export const jobRuns = pgTable(
  "job_runs",
  {
    job: varchar("job", { length: 64 }).notNull(),
    periodStart: timestamp("period_start", { withTimezone: true }).notNull(),
    status: jobRunStatusEnum("status").notNull(),
    claimToken: uuid("claim_token").notNull(),
    /** Which process ran it ("host:pid"), for people reading the table. */
    claimedBy: varchar("claimed_by", { length: 128 }).notNull(),
    attempts: integer("attempts").notNull().default(1),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    leaseUntil: timestamp("lease_until", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** What the pass did ("released 2 unconfirmed registration(s)"), or why it failed. */
    summary: text("summary"),
  },
  (table) => [primaryKey({ columns: [table.job, table.periodStart] })],
);
export type JobRun = typeof jobRuns.$inferSelect;
export type JobRunStatus = (typeof jobRunStatusEnum.enumValues)[number];
