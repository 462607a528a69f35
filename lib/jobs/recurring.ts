type JobState = { timer: NodeJS.Timeout; running: boolean };

const globalForJobs = globalThis as unknown as { __recurringJobs?: Map<string, JobState> };

function jobs(): Map<string, JobState> {
  return (globalForJobs.__recurringJobs ??= new Map());
}

/**
 * Runs a pass now and then every few minutes inside the server process (PGlite serves one
 * process, so no separate worker may open it). A pass still running when the next is due is not
 * started twice. On PostgreSQL several instances (and `npm run jobs:run` from cron) can run the
 * same passes: each is written to do its work once.
 */
export function startRecurringJob(name: string, intervalMinutes: number, pass: () => Promise<unknown>): void {
  if (jobs().has(name)) return;
  const state = { running: false, timer: undefined as unknown as NodeJS.Timeout };
  const tick = async () => {
    if (state.running) return;
    state.running = true;
    try {
      await pass();
    } catch (error) {
      // One line: during a database outage this repeats every few minutes.
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      console.error(`[${name}] the scheduled pass failed; it will be retried: ${cause instanceof Error ? cause.message : String(cause)}`);
    } finally {
      state.running = false;
    }
  };
  state.timer = setInterval(() => void tick(), intervalMinutes * 60 * 1000);
  state.timer.unref();
  jobs().set(name, state);
  void tick();
}

/** For tests: stops a job started by startRecurringJob. */
export function stopRecurringJob(name: string): void {
  const state = jobs().get(name);
  if (!state) return;
  clearInterval(state.timer);
  jobs().delete(name);
}
