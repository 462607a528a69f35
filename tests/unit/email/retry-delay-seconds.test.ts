import { describe, expect, it } from "vitest";
import { retryDelaySeconds } from "@/lib/email/deliver";

describe("retryDelaySeconds", () => {
  it("doubles from 30 seconds after each failed attempt", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelaySeconds)).toEqual([30, 60, 120, 240, 480, 960, 1920]);
  });

  it("waits at most an hour, however many attempts failed", () => {
    expect(retryDelaySeconds(8)).toBe(3600);
    expect(retryDelaySeconds(50)).toBe(3600);
    expect(retryDelaySeconds(5000)).toBe(3600);
  });

  it("treats zero or negative attempts as the first", () => {
    expect(retryDelaySeconds(0)).toBe(30);
    expect(retryDelaySeconds(-3)).toBe(30);
  });
});
