import { setTimeout as sleep } from "node:timers/promises";

/**
 * Waits until at least `minimumMs` have passed since `startedAt` (a `performance.now()` reading),
 * so that an answer that must not tell known from unknown takes the same time either way. A
 * timer can fire up to a millisecond before the time it was set for (Node's loop clock counts
 * whole milliseconds), so this checks the clock again after each wait and waits the rest.
 */
export async function waitUntilElapsed(startedAt: number, minimumMs: number): Promise<void> {
  for (let remaining = minimumMs - (performance.now() - startedAt); remaining > 0; remaining = minimumMs - (performance.now() - startedAt)) {
    await sleep(Math.ceil(remaining));
  }
}
