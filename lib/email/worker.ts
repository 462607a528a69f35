import { deliverDueEmails } from "./deliver";

const globalForWorker = globalThis as unknown as { __outboxWorker?: { timer: NodeJS.Timeout; running: boolean; again: boolean } };

async function runOnce(): Promise<void> {
  const state = globalForWorker.__outboxWorker;
  if (!state) return;
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  try {
    do {
      state.again = false;
      await deliverDueEmails();
    } while (state.again);
  } catch (error) {
    // Keep it to one line: during a database outage this repeats every few seconds.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    console.error(`[outbox] delivery run failed; it will be retried: ${cause instanceof Error ? cause.message : String(cause)}`);
  } finally {
    state.running = false;
  }
}

/**
 * Delivers the outbox from inside the server process (PGlite serves one process, so no
 * separate worker may open it). On PostgreSQL several instances can each run this safely.
 */
export function startOutboxWorker(intervalSeconds: number): void {
  if (globalForWorker.__outboxWorker) return;
  const timer = setInterval(() => void runOnce(), intervalSeconds * 1000);
  timer.unref();
  globalForWorker.__outboxWorker = { timer, running: false, again: false };
  void runOnce();
}

/** Asks the worker to deliver now (after a commit that queued an email) instead of at the next tick. */
export function kickOutbox(): void {
  void runOnce();
}

/** Graceful shutdown: no further runs (kickOutbox does nothing after it); resolves once a run in progress has finished. */
export async function stopOutboxWorker(): Promise<void> {
  const state = globalForWorker.__outboxWorker;
  if (!state) return;
  clearInterval(state.timer);
  globalForWorker.__outboxWorker = undefined;
  state.again = false;
  while (state.running) await new Promise((resolve) => setTimeout(resolve, 25));
}
