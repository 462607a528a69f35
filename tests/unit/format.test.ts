import { describe, expect, it } from "vitest";
import { formatDateTime, formatDateTimeWithZone } from "@/lib/format";

describe("dates and times shown to people", () => {
  it("names the zone where people may sit elsewhere (the dev mailbox)", () => {
    expect(formatDateTimeWithZone(new Date("2026-11-28T15:14:00Z"))).toBe("Nov 28, 2026, 9:14 AM CST");
    expect(formatDateTimeWithZone(new Date("2026-07-04T15:14:00Z"))).toBe("Jul 4, 2026, 10:14 AM CDT");
    // The plain form stays as it was.
    expect(formatDateTime(new Date("2026-11-28T15:14:00Z"))).toBe("Nov 28, 2026, 9:14 AM");
  });
});
