import { describe, expect, it } from "vitest";
import { CHECK_MAX_AGE_MONTHS, earliestAcceptedIssueDate } from "@/lib/registration/verify-check";

describe("earliestAcceptedIssueDate", () => {
  it("is the same calendar day twelve months earlier, in UTC", () => {
    expect(CHECK_MAX_AGE_MONTHS).toBe(12);
    expect(earliestAcceptedIssueDate(new Date("2025-06-15T12:00:00Z"))).toBe("2024-06-15");
    expect(earliestAcceptedIssueDate(new Date("2025-01-31T00:00:00Z"))).toBe("2024-01-31");
    expect(earliestAcceptedIssueDate(new Date("2026-12-01T23:59:59Z"))).toBe("2025-12-01");
  });

  it("uses the UTC date, whatever the local time zone", () => {
    // 23:30 on 14 June in Minneapolis (UTC-5) is already 15 June in UTC.
    expect(earliestAcceptedIssueDate(new Date("2025-06-14T23:30:00-05:00"))).toBe("2024-06-15");
  });

  it("accepts the demo's 20-day-old check and refuses its 400-day-old one", () => {
    const now = new Date("2025-06-15T12:00:00Z");
    const day = 24 * 60 * 60 * 1000;
    const issued = (days: number) => new Date(now.getTime() - days * day).toISOString().slice(0, 10);
    expect(issued(20) >= earliestAcceptedIssueDate(now)).toBe(true);
    expect(issued(400) >= earliestAcceptedIssueDate(now)).toBe(false);
  });
});
