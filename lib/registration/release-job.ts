import { db, type Database } from "@/db/client";
import { env } from "@/lib/env";
import type { ScheduledJob } from "@/lib/jobs/once-per-period";
import { startRecurringJob, stopRecurringJob } from "@/lib/jobs/recurring";
import { releaseUnconfirmedRegistrations } from "./release-unconfirmed";

/** One pass: releases every stale unconfirmed registration in one transaction; returns how many. */
export function releasePass(now = new Date(), database: Pick<Database, "transaction"> = db): Promise<number> {
  return database.transaction((tx) => releaseUnconfirmedRegistrations(tx, now));
}

/**
 * The release of registrations whose email was not confirmed within 24 hours, once per period
 * (RELEASE_JOB_SECONDS, 5 minutes by default), so that such a registration stops holding the
 * delegate role even if nobody else registers that Tax ID (registering it also releases, lazily).
 */
export function releaseJob(periodSeconds = env().RELEASE_JOB_SECONDS, pass: (now: Date) => Promise<number> = releasePass): ScheduledJob<number> {
  return { name: "release", periodSeconds, pass, describe: (released) => `released ${released} unconfirmed registration(s)` };
}

/** Runs the release in the server process (see startRecurringJob: once per period across instances). */
export function startReleaseJob(job: ScheduledJob<number> = releaseJob()): void {
  startRecurringJob(job);
}

/** For tests: stops the job started by startReleaseJob. */
export function stopReleaseJob(): void {
  stopRecurringJob("release");
}
