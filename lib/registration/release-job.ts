import { db, type Database } from "@/db/client";
import { startRecurringJob, stopRecurringJob } from "@/lib/jobs/recurring";
import { log } from "@/lib/log.mjs";
import { releaseUnconfirmedRegistrations } from "./release-unconfirmed";

/** How often the server releases registrations whose email was never confirmed. */
export const RELEASE_INTERVAL_MINUTES = 5;

/**
 * One pass: releases every stale unconfirmed registration in one transaction. A failure is
 * logged on one line and not thrown (during an outage it repeats every few minutes); returns
 * how many were released, or null when the pass failed.
 */
export async function runReleasePass(now = new Date(), database: Pick<Database, "transaction"> = db): Promise<number | null> {
  try {
    return await database.transaction((tx) => releaseUnconfirmedRegistrations(tx, now));
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    log.error({ module: "release" }, `releasing unconfirmed registrations failed; it will be retried: ${cause instanceof Error ? cause.message : String(cause)}`);
    return null;
  }
}

/**
 * Runs the release in the server process every few minutes, so that an unconfirmed
 * registration stops holding the delegate role after its 24 hours even if nobody else
 * registers that Tax ID (registering it also releases, lazily). On PostgreSQL several instances
 * can run it safely (each row is released once).
 */
export function startReleaseJob(intervalMinutes = RELEASE_INTERVAL_MINUTES, pass: () => Promise<unknown> = runReleasePass): void {
  startRecurringJob("release", intervalMinutes, pass);
}

/** For tests: stops the job started by startReleaseJob. */
export function stopReleaseJob(): void {
  stopRecurringJob("release");
}
