import { describeOutcome, oneLineReason, runOncePerPeriod, type ScheduledJob } from "./once-per-period";

type JobState = { timer: NodeJS.Timeout; running: boolean };

const globalForJobs = globalThis as unknown as { __recurringJobs?: Map<string, JobState> };

function jobs(): Map<string, JobState> {
  return (globalForJobs.__recurringJobs ??= new Map());
}

/**
 * How often an instance asks whether a job's current period has been run: three times a period
 * (at most once a minute), so that a period is not missed between two ticks and a pass that failed
 * (the database away) is retried soon after the database is back.
 */
export function tickMilliseconds(periodSeconds: number): number {
  return Math.min(60_000, Math.max(250, Math.floor((periodSeconds * 1000) / 3)));
}

/**
 * Runs a job inside the server process (PGlite serves one process, so no separate worker may
 * open it): a few times a period each instance tries to claim the current period, and the one
 * that gets it runs the pass (lib/jobs/once-per-period.ts), so with any number of instances on
 * one PostgreSQL (and `npm run jobs:run` from cron) each period's pass runs once. A tick that
 * comes while the last is still running is skipped. Each pass run here is logged on one line.
 */
export function startRecurringJob<Report>(job: ScheduledJob<Report>): void {
  if (jobs().has(job.name)) return;
  const state = { running: false, timer: undefined as unknown as NodeJS.Timeout };
  const tick = async () => {
    if (state.running) return;
    state.running = true;
    try {
      const outcome = await runOncePerPeriod(job, new Date());
      if (outcome.status === "ran") console.log(describeOutcome(job, outcome));
      else if (outcome.status === "failed") console.error(describeOutcome(job, outcome));
    } catch (error) {
      // One line: during a database outage this repeats every tick.
      console.error(`[jobs] ${job.name}: could not claim the current period; it will be retried: ${oneLineReason(error)}`);
    } finally {
      state.running = false;
    }
  };
  state.timer = setInterval(() => void tick(), tickMilliseconds(job.periodSeconds));
  state.timer.unref();
  jobs().set(job.name, state);
  void tick();
}

/** For tests: stops a job started by startRecurringJob. */
export function stopRecurringJob(name: string): void {
  const state = jobs().get(name);
  if (!state) return;
  clearInterval(state.timer);
  jobs().delete(name);
}
