import { closeDatabase } from "@/db/client";
import { startOutboxWorker, stopOutboxWorker } from "./email/worker";
import { env, type Env } from "./env";
import { STOP_WORK } from "./graceful-shutdown.mjs";
import type { ScheduledJob } from "./jobs/once-per-period";
import { startRecurringJob, stopRecurringJob } from "./jobs/recurring";
import { accessRequestJob } from "./jobs/run-jobs";
import { log } from "./log.mjs";
import { releaseJob, startReleaseJob, stopReleaseJob } from "./registration/release-job";

/** Scheduled passes running now, so that a shutdown waits for them before it closes the database. */
const passesInFlight = new Set<Promise<unknown>>();

function tracked<Report>(job: ScheduledJob<Report>): ScheduledJob<Report> {
  const pass = job.pass;
  return {
    ...job,
    pass: (now) => {
      const running = pass(now);
      passesInFlight.add(running);
      const forget = () => passesInFlight.delete(running);
      running.then(forget, forget);
      return running;
    },
  };
}

/**
 * The server process's background work (PGlite serves one process, so no separate worker may open
 * it): the outbox delivery, the release of unconfirmed registrations and the access requests'
 * expiry and reminders. Leaves stopServerWork where server.mjs's graceful shutdown finds it.
 */
export function startServerWork(config: Pick<Env, "OUTBOX_POLL_SECONDS">): void {
  startOutboxWorker(config.OUTBOX_POLL_SECONDS);
  startReleaseJob(tracked(releaseJob()));
  startRecurringJob(tracked(accessRequestJob()));
  (globalThis as Record<symbol, unknown>)[STOP_WORK] = stopServerWork;
}

/**
 * Graceful shutdown, once no request is in flight: stops the timers, waits for a delivery run and
 * scheduled passes in progress, then closes the database (the embedded one releases its lock, so
 * another process may open the directory at once).
 */
export async function stopServerWork(): Promise<void> {
  const config = env();
  const logger = log.child({ module: "shutdown" });
  stopReleaseJob();
  stopRecurringJob(accessRequestJob().name);
  await stopOutboxWorker();
  await Promise.allSettled([...passesInFlight]);
  logger.info("the outbox worker and the scheduled jobs are stopped");
  await closeDatabase();
  logger.info(config.DATABASE_URL ? { database: "postgresql" } : { database: "embedded", dataDir: config.PGLITE_DATA_DIR }, "database closed");
}
