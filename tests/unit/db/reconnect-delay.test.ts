import { describe, expect, it } from "vitest";
import { reconnectDelaySeconds } from "@/db/drivers";

describe("reconnectDelaySeconds", () => {
  it("starts at a tenth of a second (give or take half) and doubles", () => {
    for (let sample = 0; sample < 50; sample += 1) {
      expect(reconnectDelaySeconds(1)).toBeGreaterThanOrEqual(0.05);
      expect(reconnectDelaySeconds(1)).toBeLessThanOrEqual(0.1);
      expect(reconnectDelaySeconds(3)).toBeGreaterThanOrEqual(0.2);
      expect(reconnectDelaySeconds(3)).toBeLessThanOrEqual(0.4);
    }
  });

  it("never waits more than a second, however long the database has been away", () => {
    for (const failures of [5, 10, 50, 1000]) {
      for (let sample = 0; sample < 20; sample += 1) {
        const delay = reconnectDelaySeconds(failures);
        expect(delay).toBeGreaterThanOrEqual(0.5);
        expect(delay).toBeLessThanOrEqual(1);
      }
    }
  });
});
