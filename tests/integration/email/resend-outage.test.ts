import { eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { deliverDueEmails, retryDelaySeconds } from "@/lib/email/deliver";
import { enqueueEmail } from "@/lib/email/outbox";
import { idempotencyKeyFor, resendTransport } from "@/lib/email/transports";
import { startFakeResend, type FakeResend } from "@/tests/support/fake-resend";

const FROM = "HealthPartners Provider Portal <no-reply@provider-portal.example>";
const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** The server's default OUTBOX_POLL_SECONDS. */
const POLL = 5 * SECOND;

let fake: FakeResend;
const originalBaseUrl = process.env.RESEND_BASE_URL;
let warn: ReturnType<typeof vi.spyOn>;

beforeAll(async () => {
  fake = await startFakeResend();
  process.env.RESEND_BASE_URL = fake.baseUrl; // read by the Resend client when it is constructed
});
beforeEach(() => {
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => {
  warn.mockRestore();
  fake.setMode("healthy");
  fake.setReplyDelay(0);
});
afterAll(async () => {
  if (originalBaseUrl === undefined) delete process.env.RESEND_BASE_URL;
  else process.env.RESEND_BASE_URL = originalBaseUrl;
  await fake.close();
});

async function queueVerifyEmails(count: number, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const to = `${label}.${index}@outage.example`;
    ids.push(
      await db.transaction((tx) =>
        enqueueEmail(tx, {
          template: "verify-email",
          to,
          props: { payerName: "HealthPartners", firstName: "Jordan", verifyUrl: `http://portal.test/verify-email?token=tok_${label}_${index}_0123456789`, expiresInHours: 24 },
        }),
      ),
    );
  }
  return ids;
}

async function pending(ids: string[]) {
  return db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));
}

/**
 * The server's outbox worker on a simulated clock: a run every POLL while something is due, and
 * straight to the next due time when nothing is (a run then would find nothing to do).
 */
async function runWorkerUntil(ids: string[], start: Date, until: (now: Date) => boolean | Promise<boolean>) {
  let now = start;
  const runs: Array<{ at: number; requests: number; sent: number }> = [];
  while (!(await until(now))) {
    const before = fake.requests.length;
    const report = await deliverDueEmails({ transport: resendTransport("re_test_key"), from: FROM, now });
    runs.push({ at: now.getTime(), requests: fake.requests.length - before, sent: report.sent });
    const rows = await pending(ids);
    const due = rows.filter((row) => row.status === "pending").map((row) => row.nextAttemptAt.getTime());
    if (due.length === 0) break;
    now = new Date(Math.max(now.getTime() + POLL, Math.min(...due)));
  }
  return { runs, now };
}

describe("an hour-long Resend outage", () => {
  it("loses nothing, keeps trying without hammering, and sends each email once when Resend is back", async () => {
    const ids = await queueVerifyEmails(5, "hour");
    const start = new Date();
    fake.setMode("failing");
    const outageEnds = start.getTime() + 60 * MINUTE;

    const during = await runWorkerUntil(ids, start, (now) => now.getTime() >= outageEnds);
    // Nothing delivered, nothing dropped: every email still waits, with its attempts and reason.
    const held = await pending(ids);
    expect(held.map((row) => row.status)).toEqual(["pending", "pending", "pending", "pending", "pending"]);
    expect(held.every((row) => row.lastFailure === "service" && row.lastError?.startsWith("Resend refused the message: internal_server_error"))).toBe(true);
    // Not hammering: at most one request per run, and each email was tried on its back-off
    // schedule (30 s, 1, 2, 4, 8, 16, 32 minutes...): 7 or 8 times in the hour, not once a run.
    expect(Math.max(...during.runs.map((run) => run.requests))).toBe(1);
    expect(fake.requests.length).toBeLessThanOrEqual(5 * 8);
    for (const row of held) expect(row.attempts).toBeGreaterThanOrEqual(6);
    // Still trying after the hour: the next attempt is at most an hour away, never given up.
    for (const row of held) expect(row.nextAttemptAt.getTime() - outageEnds).toBeLessThanOrEqual(retryDelaySeconds(50) * SECOND);
    expect(fake.deliveries).toHaveLength(0);

    fake.setMode("healthy");
    const after = await runWorkerUntil(ids, new Date(outageEnds), async () => (await pending(ids)).every((row) => row.status === "sent"));
    // The first email goes at its next attempt (minutes after the outage, not an hour), and once it
    // has gone through the rest follow at the next run rather than after their own back-off.
    const sendingRuns = after.runs.filter((run) => run.sent > 0);
    expect(sendingRuns[0]!.at - outageEnds).toBeLessThanOrEqual(retryDelaySeconds(held[0]!.attempts) * SECOND);
    expect(sendingRuns.at(-1)!.at - sendingRuns[0]!.at).toBeLessThanOrEqual(POLL);
    // Each email delivered exactly once, under its own idempotency key.
    expect(fake.deliveries.map((delivery) => delivery.idempotencyKey).toSorted()).toEqual(ids.map(idempotencyKeyFor).toSorted());
    const sent = await pending(ids);
    expect(sent.every((row) => row.status === "sent" && row.html === null && row.bodyPurgedAt !== null && row.lastFailure === null)).toBe(true);
  });

  it("a send whose reply is lost (timeout) is retried with the same idempotency key and delivered once", async () => {
    const [id] = await queueVerifyEmails(1, "timeout");
    const now = new Date();
    // Resend takes the email but answers too late for the sender.
    fake.setReplyDelay(2 * SECOND);
    expect(await deliverDueEmails({ transport: resendTransport("re_test_key"), from: FROM, now, sendTimeoutMs: 300 })).toEqual({ sent: 0, failed: 1, deferred: 0 });
    const [timedOut] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id!));
    expect(timedOut).toMatchObject({ status: "pending", lastFailure: "service", lastError: "No answer from resend within 300 ms." });
    expect(fake.deliveries.filter((delivery) => delivery.idempotencyKey === idempotencyKeyFor(id!))).toHaveLength(1);

    fake.setReplyDelay(0);
    expect(await deliverDueEmails({ transport: resendTransport("re_test_key"), from: FROM, now: timedOut!.nextAttemptAt })).toEqual({ sent: 1, failed: 0, deferred: 0 });
    const attempts = fake.requests.filter((request) => request.headers["idempotency-key"] === idempotencyKeyFor(id!));
    expect(attempts).toHaveLength(2);
    const deliveries = fake.deliveries.filter((delivery) => delivery.idempotencyKey === idempotencyKeyFor(id!));
    expect(deliveries).toHaveLength(1);
    // The row records the one message Resend made.
    const [sent] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id!));
    expect(sent).toMatchObject({ status: "sent", providerMessageId: deliveries[0]!.id, attempts: 2 });
  });
});
