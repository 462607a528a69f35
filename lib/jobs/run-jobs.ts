import { runAccessRequestPass, type AccessRequestPassReport } from "@/lib/billing/request-jobs";
import { runReleasePass } from "@/lib/registration/release-job";
import { startRecurringJob } from "./recurring";

/** How often the server runs the access requests' schedule (expiry and reminders). */
export const ACCESS_REQUEST_JOB_MINUTES = 15;

export interface JobsReport {
  released: number | null;
  accessRequests: AccessRequestPassReport;
}

/** Every scheduled pass once, with one clock: what `npm run jobs:run` does for cron. */
export async function runJobsOnce(now = new Date()): Promise<JobsReport> {
  const released = await runReleasePass(now);
  const accessRequests = await runAccessRequestPass(now);
  return { released, accessRequests };
}

/** Starts the access requests' schedule inside the server process (the release job has its own timer). */
export function startAccessRequestJob(): void {
  startRecurringJob("access-requests", ACCESS_REQUEST_JOB_MINUTES, () => runAccessRequestPass());
}
