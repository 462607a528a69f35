import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { accessGrants, auditEvents } from "@/db/schema";
import { registerWithCheck } from "@/lib/registration/register-with-check";
import { runReleasePass, startReleaseJob, stopReleaseJob } from "@/lib/registration/release-job";
import { registerAccount } from "@/tests/factories/accounts";
import { lakesideByVendor, riverbendByNpi } from "@/tests/factories/check-registration";
import { seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { takeConsoleErrors } from "@/tests/support/fail-on-console-error";
import { delegatesOfTaxId, findUserByEmail } from "@/tests/support/queries";

beforeAll(() => seedDemo());

const hours = (count: number) => count * 60 * 60 * 1000;

describe("the periodic release of unconfirmed registrations", () => {
  it("keeps an unconfirmed registration for 24 hours, then releases its delegate role and access", async () => {
    const registeredAt = new Date();
    const registration = lakesideByVendor();
    expect(await registerWithCheck(registration, buildRequestContext(), registeredAt)).toEqual({ ok: true });
    const user = await findUserByEmail(registration.email);

    expect(await runReleasePass(new Date(registeredAt.getTime() + hours(23)))).toBe(0);
    expect(await delegatesOfTaxId("411234567")).toEqual([user!.id]);

    expect(await runReleasePass(new Date(registeredAt.getTime() + hours(25)))).toBe(1);
    expect(await delegatesOfTaxId("411234567")).toEqual([]);
    const [grant] = await db.select().from(accessGrants).where(eq(accessGrants.userId, user!.id));
    expect(grant).toMatchObject({ status: "expired" });
    const released = await db.select().from(auditEvents).where(eq(auditEvents.subjectUserId, user!.id));
    expect(released.map((event) => [event.action, event.reason]).filter(([action]) => action === "registration.released")).toEqual([["registration.released", "email_not_confirmed"]]);

    // Nothing left to release on the next pass.
    expect(await runReleasePass(new Date(registeredAt.getTime() + hours(26)))).toBe(0);
  });

  it("never releases a confirmed registration", async () => {
    const account = await registerAccount(riverbendByNpi());
    expect(await runReleasePass(new Date(Date.now() + hours(48)))).toBe(0);
    expect(await delegatesOfTaxId("413456789")).toEqual([account.userId]);
  });

  it("logs a failed pass on one line and carries on", async () => {
    const failing = { transaction: () => Promise.reject(new Error("connection refused", { cause: new Error("ECONNREFUSED 127.0.0.1:5432") })) };
    expect(await runReleasePass(new Date(), failing)).toBeNull();
    const logged = takeConsoleErrors();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toHaveLength(1);
    expect(String(logged[0]![0])).toBe("ERROR [release] releasing unconfirmed registrations failed; it will be retried: ECONNREFUSED 127.0.0.1:5432");
  });

  it("runs on a timer once started, and only once however often it is started", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const spy = vi.fn(async () => 0);
    try {
      startReleaseJob(5, spy);
      startReleaseJob(5, spy);
      await vi.waitFor(() => expect(spy).toHaveBeenCalledTimes(1));
      await vi.advanceTimersByTimeAsync(5 * 60 * 1000);
      await vi.waitFor(() => expect(spy).toHaveBeenCalledTimes(2));
    } finally {
      stopReleaseJob();
      vi.useRealTimers();
    }
  });
});
