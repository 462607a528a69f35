import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { accessGrants, auditEvents, jobRuns } from "@/db/schema";
import { registerWithCheck } from "@/lib/registration/register-with-check";
import { periodStartOf } from "@/lib/jobs/once-per-period";
import { releaseJob, releasePass, startReleaseJob, stopReleaseJob } from "@/lib/registration/release-job";
import { registerAccount } from "@/tests/factories/accounts";
import { lakesideByVendor, riverbendByNpi } from "@/tests/factories/check-registration";
import { seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { takeConsoleErrors } from "@/tests/support/fail-on-console-error";
import { delegatesOfTaxId, findUserByEmail } from "@/tests/support/queries";

beforeAll(() => seedDemo());

const hours = (count: number) => count * 60 * 60 * 1000;

async function jobRunOf(job: string, periodStart: Date) {
  const [run] = await db.select().from(jobRuns).where(and(eq(jobRuns.job, job), eq(jobRuns.periodStart, periodStart)));
  return run;
}

describe("the periodic release of unconfirmed registrations", () => {
  it("keeps an unconfirmed registration for 24 hours, then releases its delegate role and access", async () => {
    const registeredAt = new Date();
    const registration = lakesideByVendor();
    expect(await registerWithCheck(registration, buildRequestContext(), registeredAt)).toEqual({ ok: true });
    const user = await findUserByEmail(registration.email);

    expect(await releasePass(new Date(registeredAt.getTime() + hours(23)))).toBe(0);
    expect(await delegatesOfTaxId("411234567")).toEqual([user!.id]);

    expect(await releasePass(new Date(registeredAt.getTime() + hours(25)))).toBe(1);
    expect(await delegatesOfTaxId("411234567")).toEqual([]);
    const [grant] = await db.select().from(accessGrants).where(eq(accessGrants.userId, user!.id));
    expect(grant).toMatchObject({ status: "expired" });
    const released = await db.select().from(auditEvents).where(eq(auditEvents.subjectUserId, user!.id));
    expect(released.map((event) => [event.action, event.reason]).filter(([action]) => action === "registration.released")).toEqual([["registration.released", "email_not_confirmed"]]);

    // Nothing left to release on the next pass.
    expect(await releasePass(new Date(registeredAt.getTime() + hours(26)))).toBe(0);
  });

  it("never releases a confirmed registration", async () => {
    const account = await registerAccount(riverbendByNpi());
    expect(await releasePass(new Date(Date.now() + hours(48)))).toBe(0);
    expect(await delegatesOfTaxId("413456789")).toEqual([account.userId]);
  });

  it("logs a failed scheduled pass on one line and carries on", async () => {
    const failing = () => Promise.reject(new Error("connection refused", { cause: new Error("ECONNREFUSED 127.0.0.1:5432") }));
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      startReleaseJob(releaseJob(3600, failing));
      const logged: unknown[][] = [];
      await vi.waitFor(() => {
        logged.push(...takeConsoleErrors());
        expect(logged).toHaveLength(1);
      });
      expect(logged[0]).toHaveLength(1);
      expect(String(logged[0]![0])).toMatch(/^\[jobs\] release: the pass of the period from \S+ failed; it will be retried: ECONNREFUSED 127\.0\.0\.1:5432$/);
    } finally {
      stopReleaseJob();
      log.mockRestore();
    }
  });

  it("runs on a timer once started, once per period, and only once however often it is started", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const pass = vi.fn(async () => 0);
    try {
      // A period long enough that the test stays in one: the first tick runs it, later ticks find it run.
      startReleaseJob(releaseJob(24 * 60 * 60, pass));
      startReleaseJob(releaseJob(24 * 60 * 60, pass));
      await vi.waitFor(() => expect(log).toHaveBeenCalledTimes(1));
      expect(await jobRunOf("release", periodStartOf(new Date(), 24 * 60 * 60))).toMatchObject({ status: "succeeded", summary: "released 0 unconfirmed registration(s)" });
      // Three more ticks in the same period: each finds it run.
      await vi.advanceTimersByTimeAsync(3 * 60 * 1000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(pass).toHaveBeenCalledTimes(1);
      expect(log).toHaveBeenCalledTimes(1);
      expect(String(log.mock.calls[0]?.[0])).toMatch(/^\[jobs\] release: ran the pass of the period from \S+ here: released 0 unconfirmed registration\(s\)\.$/);
    } finally {
      stopReleaseJob();
      vi.useRealTimers();
      log.mockRestore();
    }
  });
});
