import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accessRequests } from "@/db/schema";
import { runAccessRequestPass } from "@/lib/billing/request-jobs";
import { runJobsOnce } from "@/lib/jobs/run-jobs";
import { demoAccounts, seedDemo } from "@/tests/factories/demo-data";
import { emailsTo } from "@/tests/support/outbox";
import { newBillingOrganization, requestNorthside, requestStatus } from "./helpers";

beforeAll(() => seedDemo());

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

async function remindersFor(requestId: string) {
  const emails = await emailsTo(demoAccounts.delegate.email, "provider-approval");
  return emails.filter((email) => email.html.includes(requestId) && email.subject.startsWith("Reminder"));
}

const none = { expired: 0, reminders: { first: 0, second: 0 } };
const sum = (reports: Array<{ reminders: { first: number; second: number } }>, round: "first" | "second") => reports.reduce((total, report) => total + report.reminders[round], 0);

describe("reminders and expiry on a schedule", () => {
  it("reminds the contact 7 and 3 days before expiry, each exactly once with two runners at the same time, then expires the request", async () => {
    const billing = await newBillingOrganization();
    const askedAt = new Date();
    const requestId = await requestNorthside(billing.userId, askedAt);

    // 8 days before expiry: nothing due.
    expect(await runAccessRequestPass(later(askedAt, 22 * DAY))).toMatchObject({ reminders: { first: 0, second: 0 } });
    expect(await remindersFor(requestId)).toHaveLength(0);

    // Just under 7 days before expiry, two runners at once: one first reminder.
    const atFirst = later(askedAt, 23 * DAY + HOUR);
    const first = await Promise.all([runAccessRequestPass(atFirst), runAccessRequestPass(atFirst), runJobsOnce(atFirst).then(({ accessRequests }) => (accessRequests.status === "ran" ? accessRequests.report : none))]);
    expect(sum(first, "first")).toBe(1);
    expect(sum(first, "second")).toBe(0);
    expect((await remindersFor(requestId)).map((email) => email.subject)).toEqual([
      "Reminder: 7 days left to answer: Accurate Billing Services asks for access to Northside Pediatrics | HealthPartners Provider Portal",
    ]);
    // The reminder has no token: the delegate signs in and answers on the request's page.
    expect((await remindersFor(requestId))[0]!.html).not.toContain("token=");

    // Later the same day, and again just under 3 days before expiry with two runners.
    expect(sum([await runAccessRequestPass(later(atFirst, HOUR))], "first")).toBe(0);
    const atSecond = later(askedAt, 27 * DAY + HOUR);
    const second = await Promise.all([runAccessRequestPass(atSecond), runAccessRequestPass(atSecond)]);
    expect(sum(second, "second")).toBe(1);
    expect(sum(second, "first")).toBe(0);
    expect(await remindersFor(requestId)).toHaveLength(2);
    expect(sum([await runAccessRequestPass(later(askedAt, 29 * DAY))], "second")).toBe(0);

    // At day 30 the pass expires it (once).
    const expiry = await Promise.all([runAccessRequestPass(later(askedAt, 30 * DAY)), runAccessRequestPass(later(askedAt, 30 * DAY))]);
    expect(expiry.reduce((total, report) => total + report.expired, 0)).toBe(1);
    expect(await requestStatus(requestId)).toBe("expired");
    expect(await remindersFor(requestId)).toHaveLength(2);
  });

  it("sends only the second reminder to a request that missed the first", async () => {
    const billing = await newBillingOrganization("Morgan");
    const askedAt = new Date();
    const requestId = await requestNorthside(billing.userId, askedAt);
    const report = await runAccessRequestPass(later(askedAt, 28 * DAY));
    expect(report.reminders.second).toBeGreaterThanOrEqual(1);
    const [row] = await db.select().from(accessRequests).where(eq(accessRequests.id, requestId));
    expect(row!.firstReminderSentAt).not.toBeNull();
    expect(row!.secondReminderSentAt).not.toBeNull();
    expect((await remindersFor(requestId)).map((email) => email.subject[10])).toEqual(["2"]);
  });
});
