import { afterEach, describe, expect, it, vi } from "vitest";

const waits: number[] = [];
vi.mock("node:timers/promises", () => ({ setTimeout: async (ms: number) => void waits.push(ms) }));

const { waitUntilElapsed } = await import("@/lib/security/answer-floor");

let clock: { mockRestore(): void } | undefined;

/** performance.now() reads these values in turn (the last one for ever after). */
function clockReads(...values: number[]) {
  let index = 0;
  clock = vi.spyOn(performance, "now").mockImplementation(() => values[Math.min(index++, values.length - 1)]!);
}

afterEach(() => {
  waits.length = 0;
  clock?.mockRestore();
  clock = undefined;
});

describe("waitUntilElapsed", () => {
  it("waits the rest of the minimum, in whole milliseconds rounded up", async () => {
    clockReads(100.4, 400.2);
    await waitUntilElapsed(0, 400);
    expect(waits).toEqual([300]);
  });

  it("waits again when the timer fired before the minimum had passed", async () => {
    clockReads(10, 298.998, 300.5);
    await waitUntilElapsed(0, 300);
    expect(waits).toEqual([290, 2]);
  });

  it("does not wait once the minimum has passed", async () => {
    clockReads(300);
    await waitUntilElapsed(0, 300);
    expect(waits).toEqual([]);
  });
});

describe("waitUntilElapsed on the real clock", () => {
  it("never comes back before the minimum", async () => {
    vi.doUnmock("node:timers/promises");
    vi.resetModules();
    const real = await import("@/lib/security/answer-floor");
    for (const minimum of [1.5, 2.3, 7.7, 12.9]) {
      const started = performance.now();
      await real.waitUntilElapsed(started, minimum);
      expect(performance.now() - started).toBeGreaterThanOrEqual(minimum);
    }
  });
});
