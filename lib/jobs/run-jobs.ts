import { runAccessRequestPass, type AccessRequestPassReport } from "@/lib/billing/request-jobs";
import { env } from "@/lib/env";
import { releaseJob } from "@/lib/registration/release-job";
import { runOncePerPeriod, type PassOutcome, type ScheduledJob } from "./once-per-period";

/** The access requests' schedule: expiry after 30 days, reminders 7 and 3 days before (ACCESS_REQUEST_JOB_SECONDS, 15 minutes by default). */
export function accessRequestJob(periodSeconds = env().ACCESS_REQUEST_JOB_SECONDS): ScheduledJob<AccessRequestPassReport> {
  return {
    name: "access-requests",
    periodSeconds,
    pass: (now) => runAccessRequestPass(now),
    describe: (report) => `expired ${report.expired} access request(s), sent ${report.reminders.first} first and ${report.reminders.second} second reminder(s)`,
  };
}

export interface JobsReport {
  release: PassOutcome<number>;
  accessRequests: PassOutcome<AccessRequestPassReport>;
}

/**
 * Every scheduled pass with one clock, each unless its current period has already been run (by a
 * server instance or an earlier run): what `npm run jobs:run` does for cron.
 */
export async function runJobsOnce(now = new Date()): Promise<JobsReport> {
  const release = await runOncePerPeriod(releaseJob(), now);
  const accessRequests = await runOncePerPeriod(accessRequestJob(), now);
  return { release, accessRequests };
}
