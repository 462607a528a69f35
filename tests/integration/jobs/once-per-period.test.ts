import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { claimJobRun, finishJobRun } from "@/db/queries/job-runs";
import { jobRuns } from "@/db/schema";
import { periodStartOf, runOncePerPeriod, type ScheduledJob } from "@/lib/jobs/once-per-period";
import { tickMilliseconds } from "@/lib/jobs/recurring";
import { withInstances } from "@/tests/support/instances";

const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;
const at = (from: Date, ms: number) => new Date(from.getTime() + ms);

/** A job whose pass counts its runs (and can be made to fail). */
function countingJob(name: string, periodSeconds: number, fail?: () => boolean): ScheduledJob<number> & { runs: Date[] } {
  const runs: Date[] = [];
  return {
    name,
    periodSeconds,
    runs,
    pass: async (now) => {
      runs.push(now);
      // Long enough for the other runners to arrive while it runs.
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (fail?.()) throw new Error("Failed query: select 1", { cause: new Error("connect ECONNREFUSED 127.0.0.1:5432") });
      return runs.length;
    },
    describe: (count) => `pass number ${count}`,
  };
}

async function runRow(job: string, periodStart: Date) {
  const [row] = await db.select().from(jobRuns).where(and(eq(jobRuns.job, job), eq(jobRuns.periodStart, periodStart)));
  return row ?? null;
}

describe("a scheduled pass once per period", () => {
  it("periods start at multiples of their length from the epoch, so every instance agrees", () => {
    expect(periodStartOf(new Date("2026-11-28T10:07:31.500Z"), 300).toISOString()).toBe("2026-11-28T10:05:00.000Z");
    expect(periodStartOf(new Date("2026-11-28T10:05:00.000Z"), 300).toISOString()).toBe("2026-11-28T10:05:00.000Z");
    expect(periodStartOf(new Date("2026-11-28T10:14:59.999Z"), 900).toISOString()).toBe("2026-11-28T10:00:00.000Z");
    // An instance asks a few times a period, at most once a minute.
    expect([2, 300, 900, 86_400].map(tickMilliseconds)).toEqual([666, 60_000, 60_000, 60_000]);
  });

  it("of several instances claiming a period at once, one runs the pass; the next period runs once again", async () => {
    const job = countingJob("test-once", 300);
    const now = new Date("2030-01-01T00:01:00.000Z");
    await withInstances(4, async (instances) => {
      const outcomes = await Promise.all(instances.map((database, index) => runOncePerPeriod(job, now, { database, runner: `instance-${index}` })));
      const ran = outcomes.filter((outcome) => outcome.status === "ran");
      expect(ran).toHaveLength(1);
      const winner = `instance-${outcomes.findIndex((outcome) => outcome.status === "ran")}`;
      for (const outcome of outcomes.filter((candidate) => candidate.status === "skipped")) {
        expect(outcome).toMatchObject({ status: "skipped", runBy: winner, periodStart: new Date("2030-01-01T00:00:00.000Z") });
      }
      expect(job.runs).toHaveLength(1);
      expect(await runRow("test-once", new Date("2030-01-01T00:00:00.000Z"))).toMatchObject({ status: "succeeded", claimedBy: winner, attempts: 1, summary: "pass number 1" });

      // Later in the same period: nothing. In the next: once more.
      expect((await runOncePerPeriod(job, at(now, 200 * SECOND), { database: instances[0] })).status).toBe("skipped");
      const next = await Promise.all(instances.map((database) => runOncePerPeriod(job, at(now, 300 * SECOND), { database })));
      expect(next.filter((outcome) => outcome.status === "ran")).toHaveLength(1);
      expect(job.runs.map((run) => run.toISOString())).toEqual(["2030-01-01T00:01:00.000Z", "2030-01-01T00:06:00.000Z"]);
    });
  });

  it("a pass that failed (the database away) is run again by the next attempt in the same period", async () => {
    let failing = true;
    const job = countingJob("test-retry", 300, () => failing);
    const now = new Date("2030-01-02T00:01:00.000Z");
    const failed = await runOncePerPeriod(job, now, { runner: "a" });
    expect(failed).toEqual({ status: "failed", periodStart: new Date("2030-01-02T00:00:00.000Z"), error: "connect ECONNREFUSED 127.0.0.1:5432" });
    expect(await runRow("test-retry", failed.periodStart)).toMatchObject({ status: "failed", claimedBy: "a", summary: "connect ECONNREFUSED 127.0.0.1:5432" });

    failing = false;
    expect(await runOncePerPeriod(job, at(now, 20 * SECOND), { runner: "b" })).toMatchObject({ status: "ran", report: 2 });
    expect(await runRow("test-retry", failed.periodStart)).toMatchObject({ status: "succeeded", claimedBy: "b", attempts: 2 });
    expect((await runOncePerPeriod(job, at(now, 40 * SECOND), { runner: "a" })).status).toBe("skipped");
    expect(job.runs).toHaveLength(2);
  });

  it("a runner that died mid-pass holds the period until its lease passes; then another runs it, and the dead one can't record an end", async () => {
    const job = countingJob("test-lease", HOUR / SECOND);
    const now = new Date("2030-01-03T00:00:30.000Z");
    const periodStart = periodStartOf(now, job.periodSeconds);
    const dead = { job: job.name, periodStart, claimToken: "00000000-0000-4000-8000-000000000001" };
    expect(await claimJobRun(db, { ...dead, claimedBy: "dead", now, leaseUntil: at(now, 5 * 60 * SECOND) })).toBe(true);

    expect(await runOncePerPeriod(job, at(now, 60 * SECOND), { runner: "alive" })).toMatchObject({ status: "skipped", runStatus: "running", runBy: "dead" });
    expect(job.runs).toHaveLength(0);
    expect(await runOncePerPeriod(job, at(now, 5 * 60 * SECOND + 1), { runner: "alive" })).toMatchObject({ status: "ran" });
    expect(await finishJobRun(db, dead, { status: "succeeded", finishedAt: now, summary: "late" })).toBe(false);
    expect(await runRow(job.name, periodStart)).toMatchObject({ status: "succeeded", claimedBy: "alive", attempts: 2, summary: "pass number 1" });
  });

  it("forgets periods older than 30 days", async () => {
    const job = countingJob("test-prune", 300);
    const now = new Date("2030-02-01T00:00:00.000Z");
    await runOncePerPeriod(job, at(now, -40 * 24 * HOUR));
    await runOncePerPeriod(job, at(now, -10 * 24 * HOUR));
    await runOncePerPeriod(job, now);
    const kept = await db.select({ periodStart: jobRuns.periodStart }).from(jobRuns).where(eq(jobRuns.job, job.name));
    expect(kept.map((row) => row.periodStart.toISOString()).toSorted()).toEqual(["2030-01-22T00:00:00.000Z", "2030-02-01T00:00:00.000Z"]);
  });

  it("logs nothing itself: the outcome says what happened", async () => {
    const log = vi.spyOn(console, "log");
    try {
      await runOncePerPeriod(countingJob("test-quiet", 300), new Date("2030-03-01T00:00:00.000Z"));
      expect(log).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });
});
