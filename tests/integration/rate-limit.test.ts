import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { clearFailures, describeWait, firstBlocked, LIMITS, limitState, recordFailure } from "@/lib/rate-limit";

async function counterRow(key: string) {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
  return row ?? null;
}

describe("rate limits stored in the database", () => {
  it("reports nothing for a key that never failed", async () => {
    expect(await limitState("signinByAccountAndClient", "never@example.org")).toEqual({ blocked: false, failures: 0, retryAfterSeconds: 0 });
    expect(await counterRow("signin:account-client:never@example.org")).toBeNull();
  });

  it("counts failures in the rate_limits table under '<prefix>:<key>', expiring after the limit's window", async () => {
    const before = Date.now();
    await recordFailure([["signinByAccountAndClient", "count@example.org"]]);
    await recordFailure([["signinByAccountAndClient", "count@example.org"]]);

    const row = await counterRow("signin:account-client:count@example.org");
    expect(row?.points).toBe(2);
    const windowMs = LIMITS.signinByAccountAndClient.duration * 1000;
    expect(row!.expire!.getTime()).toBeGreaterThanOrEqual(before + windowMs - 1000);
    expect(row!.expire!.getTime()).toBeLessThanOrEqual(Date.now() + windowMs + 1000);

    const state = await limitState("signinByAccountAndClient", "count@example.org");
    expect(state).toMatchObject({ blocked: false, failures: 2 });
    expect(state.retryAfterSeconds).toBeGreaterThan(15 * 60 - 60);
    expect(state.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  });

  it("blocks at the limit's number of points, and keeps counting past it without throwing", async () => {
    const key = "blocked@example.org";
    for (let failure = 1; failure <= 4; failure += 1) await recordFailure([["signinByAccountAndClient", key]]);
    expect((await limitState("signinByAccountAndClient", key)).blocked).toBe(false);

    await recordFailure([["signinByAccountAndClient", key]]);
    expect(await limitState("signinByAccountAndClient", key)).toMatchObject({ blocked: true, failures: 5 });

    await expect(recordFailure([["signinByAccountAndClient", key]])).resolves.toBeUndefined();
    expect((await counterRow(`signin:account-client:${key}`))?.points).toBe(6);
  });

  it("keeps each limit's counters apart, even for the same key", async () => {
    await recordFailure([
      ["verificationByClient", "203.0.113.9"],
      ["verificationByTaxId", "411234567"],
    ]);
    expect((await limitState("verificationByClient", "203.0.113.9")).failures).toBe(1);
    expect((await limitState("signinByClient", "203.0.113.9")).failures).toBe(0);
    expect((await limitState("verificationByTaxId", "411234567")).failures).toBe(1);
    expect(await counterRow("verify:client:203.0.113.9")).toMatchObject({ points: 1 });
    expect(await counterRow("verify:taxid:411234567")).toMatchObject({ points: 1 });
  });

  it("firstBlocked returns the first limit reached, skips missing keys, and is null when none is", async () => {
    for (let failure = 0; failure < 3; failure += 1) await recordFailure([["verificationEmailByAddress", "resend@example.org"]]);

    expect(await firstBlocked([["signinByAccountAndClient", "fresh@example.org"], ["signinByClient", null], ["signinByAccountAndClient", undefined]])).toBeNull();
    const blocked = await firstBlocked([
      ["signinByAccountAndClient", "fresh@example.org"],
      ["verificationEmailByAddress", "resend@example.org"],
      ["signinByAccountAndClient", "blocked@example.org"],
    ]);
    expect(blocked).toMatchObject({ blocked: true, failures: 3 });
    expect(blocked!.retryAfterSeconds).toBeGreaterThan(60 * 60 - 60);
    expect(blocked!.retryAfterSeconds).toBeLessThanOrEqual(60 * 60);
  });

  it("recordFailure ignores checks without a key (e.g. no client address)", async () => {
    const before = await db.select().from(rateLimits);
    await recordFailure([["signinByClient", null], ["signinByClient", ""], ["signinByClient", undefined]]);
    expect(await db.select().from(rateLimits)).toHaveLength(before.length);
  });

  it("clearFailures deletes the counter", async () => {
    await recordFailure([["signinByAccountAndClient", "clear@example.org"]]);
    await clearFailures("signinByAccountAndClient", "clear@example.org");
    expect(await counterRow("signin:account-client:clear@example.org")).toBeNull();
    expect((await limitState("signinByAccountAndClient", "clear@example.org")).failures).toBe(0);
  });

  it("forgets a counter whose window has passed, and starts again from one", async () => {
    const key = "expired@example.org";
    for (let failure = 0; failure < 5; failure += 1) await recordFailure([["signinByAccountAndClient", key]]);
    await db.update(rateLimits).set({ expire: new Date(Date.now() - 1000) }).where(eq(rateLimits.key, `signin:account-client:${key}`));

    expect(await limitState("signinByAccountAndClient", key)).toEqual({ blocked: false, failures: 0, retryAfterSeconds: 0 });
    await recordFailure([["signinByAccountAndClient", key]]);
    expect((await counterRow(`signin:account-client:${key}`))?.points).toBe(1);
  });

  it("keeps counts across a restart (a fresh copy of the module reads the same table)", async () => {
    await recordFailure([["verificationByTaxId", "413456789"], ["verificationByTaxId", "413456789"]]);
    vi.resetModules();
    const restarted = await import("@/lib/rate-limit");
    expect((await restarted.limitState("verificationByTaxId", "413456789")).failures).toBe(2);
  });
});

describe("describeWait", () => {
  it("rounds up to whole minutes, and to hours past an hour and a half", () => {
    expect(describeWait(1)).toBe("a minute");
    expect(describeWait(60)).toBe("a minute");
    expect(describeWait(61)).toBe("2 minutes");
    expect(describeWait(900)).toBe("15 minutes");
    expect(describeWait(90 * 60)).toBe("90 minutes");
    expect(describeWait(90 * 60 + 1)).toBe("2 hours");
    expect(describeWait(24 * 60 * 60)).toBe("24 hours");
  });
});

describe("the limits against lockout", () => {
  it("pauses an account or Tax ID for everyone only at a much higher ceiling than the per-client limits", () => {
    expect(LIMITS.signinByAccountAndClient).toMatchObject({ points: 5, duration: 15 * 60 });
    expect(LIMITS.signinByClient).toMatchObject({ points: 30, duration: 60 * 60 });
    expect(LIMITS.signinByAccount).toMatchObject({ points: 100, duration: 24 * 60 * 60 });
    expect(LIMITS.verificationByTaxIdAndClient).toMatchObject({ points: 5, duration: 15 * 60 });
    expect(LIMITS.verificationByClient).toMatchObject({ points: 10, duration: 60 * 60 });
    expect(LIMITS.verificationByTaxId).toMatchObject({ points: 100, duration: 24 * 60 * 60 });
  });
});
