import "../db/load-env";
import { closeDatabase } from "../db/client";
import { deliverDueEmails } from "../lib/email/deliver";
import { describeOutcome } from "../lib/jobs/once-per-period";
import { accessRequestJob, runJobsOnce } from "../lib/jobs/run-jobs";
import { releaseJob } from "../lib/registration/release-job";

// `npm run jobs:run`: every scheduled pass whose current period nobody has run yet (a running
// portal may have), then the emails queued, for cron on PostgreSQL. (On the embedded database the
// running portal does this itself: PGlite serves one process, so this script stops with a message
// while the portal has it open.)
try {
  const report = await runJobsOnce();
  console.log(describeOutcome(releaseJob(), report.release));
  console.log(describeOutcome(accessRequestJob(), report.accessRequests));
  const delivered = await deliverDueEmails();
  console.log(`[jobs] delivered ${delivered.sent} email(s), ${delivered.failed} failed, ${delivered.deferred} left for later.`);
  if (report.release.status === "failed" || report.accessRequests.status === "failed") process.exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
