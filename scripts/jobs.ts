import "../db/load-env";
import { closeDatabase } from "../db/client";
import { deliverDueEmails } from "../lib/email/deliver";
import { runJobsOnce } from "../lib/jobs/run-jobs";

// `npm run jobs:run`: every scheduled pass once, then the emails they queued, for cron on
// PostgreSQL. (On the embedded database the running portal does this itself: PGlite serves one
// process, so this script stops with a message while the portal has it open.)
try {
  const report = await runJobsOnce();
  const delivered = await deliverDueEmails();
  const { accessRequests } = report;
  console.log(
    `[jobs] released ${report.released ?? "none (the pass failed)"} unconfirmed registration(s); expired ${accessRequests.expired} access request(s); ` +
      `sent ${accessRequests.reminders.first} first and ${accessRequests.reminders.second} second reminder(s); delivered ${delivered.sent} email(s), ${delivered.failed} failed.`,
  );
  if (report.released === null) process.exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
