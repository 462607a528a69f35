import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { deliverDueEmails } from "@/lib/email/deliver";
import { enqueueEmail } from "@/lib/email/outbox";
import { resendTransport } from "@/lib/email/transports";
import { startFakeResend, type FakeResend } from "@/tests/support/fake-resend";

const FROM = "HealthPartners Provider Portal <no-reply@provider-portal.example>";
let fake: FakeResend;
const originalBaseUrl = process.env.RESEND_BASE_URL;

beforeAll(async () => {
  fake = await startFakeResend();
  process.env.RESEND_BASE_URL = fake.baseUrl; // read by the Resend client when it is constructed
});

afterEach(() => {
  fake.setMode("healthy");
  fake.requests.length = 0;
});

afterAll(async () => {
  if (originalBaseUrl === undefined) delete process.env.RESEND_BASE_URL;
  else process.env.RESEND_BASE_URL = originalBaseUrl;
  await fake.close();
});

async function queueVerifyEmail(to: string): Promise<string> {
  return db.transaction((tx) =>
    enqueueEmail(tx, {
      template: "verify-email",
      to,
      props: { payerName: "HealthPartners", firstName: "Jordan", verifyUrl: "http://portal.test/verify-email?token=tok_123456789012345678901", expiresInHours: 24 },
    }),
  );
}

async function outboxRow(id: string) {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  if (!row) throw new Error(`No outbox row ${id}`);
  return row;
}

describe("deliverDueEmails through the Resend SDK (to a local fake of its API)", () => {
  it("posts the message with the API key and the row's idempotency key, then marks the row sent", async () => {
    const id = await queueVerifyEmail("jordan.lee@lakeside.example");
    const queued = await outboxRow(id);

    expect(await deliverDueEmails({ transport: resendTransport("re_test_key"), from: FROM })).toEqual({ sent: 1, failed: 0, deferred: 0 });

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request).toMatchObject({ method: "POST", path: "/emails" });
    expect(request!.headers.authorization).toBe("Bearer re_test_key");
    expect(request!.headers["idempotency-key"]).toBe(`outbox-${id}`);
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.body).toMatchObject({ from: FROM, to: ["jordan.lee@lakeside.example"], subject: queued.subject, html: queued.html, text: queued.text });
    expect((request!.body as { html: string }).html).toContain("http://portal.test/verify-email?token=tok_123456789012345678901");

    const sent = await outboxRow(id);
    expect(sent).toMatchObject({ status: "sent", transport: "resend", providerMessageId: "fake-message-1", attempts: 1, lockedUntil: null, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);

    // Nothing is due any more: a second run sends nothing.
    expect(await deliverDueEmails({ transport: resendTransport("re_test_key"), from: FROM })).toEqual({ sent: 0, failed: 0, deferred: 0 });
    expect(fake.requests).toHaveLength(1);
  });

  it("keeps a message the API refused, schedules a retry, and sends it on a later run", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const id = await queueVerifyEmail("sam.oneil@riverbend.example");
      fake.setMode("failing");
      const firstRun = new Date();

      expect(await deliverDueEmails({ transport: resendTransport("re_test_key"), from: FROM, now: firstRun })).toEqual({ sent: 0, failed: 1, deferred: 0 });
      expect(fake.requests).toHaveLength(1);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toContain(`sending ${id} (verify-email) failed, will retry`);

      const failed = await outboxRow(id);
      expect(failed).toMatchObject({ status: "pending", attempts: 1, lockedUntil: null, providerMessageId: null, sentAt: null });
      expect(failed.lastError).toBe("Resend refused the message: internal_server_error: The fake is failing on purpose.");
      // 30 seconds after this run (the first retry delay).
      expect(failed.nextAttemptAt.getTime()).toBe(firstRun.getTime() + 30_000);

      // Not due again before then, even with the API healthy.
      fake.setMode("healthy");
      expect(await deliverDueEmails({ transport: resendTransport("re_test_key"), from: FROM, now: new Date(firstRun.getTime() + 10_000) })).toEqual({ sent: 0, failed: 0, deferred: 0 });
      expect(fake.requests).toHaveLength(1);

      const retryRun = new Date(failed.nextAttemptAt.getTime() + 1000);
      expect(await deliverDueEmails({ transport: resendTransport("re_test_key"), from: FROM, now: retryRun })).toEqual({ sent: 1, failed: 0, deferred: 0 });
      expect(fake.requests).toHaveLength(2);
      // The retry carries the same idempotency key, so Resend would deliver it once.
      expect(fake.requests.map((request) => request.headers["idempotency-key"])).toEqual([`outbox-${id}`, `outbox-${id}`]);

      expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 2, lastError: null, providerMessageId: expect.stringMatching(/^fake-message-\d+$/) });
    } finally {
      warn.mockRestore();
    }
  });

  it("backs off longer after each failure, also when the API can't be reached", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const gone = await startFakeResend();
    await gone.close();
    process.env.RESEND_BASE_URL = gone.baseUrl;
    const unreachable = resendTransport("re_test_key");
    process.env.RESEND_BASE_URL = fake.baseUrl;
    try {
      const id = await queueVerifyEmail("casey.kim@riverbend.example");
      let now = new Date();
      for (const delay of [30, 60, 120]) {
        expect(await deliverDueEmails({ transport: unreachable, from: FROM, now })).toEqual({ sent: 0, failed: 1, deferred: 0 });
        const row = await outboxRow(id);
        expect(row.status).toBe("pending");
        expect(row.nextAttemptAt.getTime() - now.getTime()).toBe(delay * 1000);
        now = new Date(row.nextAttemptAt.getTime());
      }
      const row = await outboxRow(id);
      expect(row.attempts).toBe(3);
      expect(row.lastError).toBe("Resend refused the message: application_error: Unable to fetch data. The request could not be resolved.");
      expect(warn).toHaveBeenCalledTimes(3);
      expect(fake.requests).toHaveLength(0);

      // Once the API is back, the next due run sends it.
      expect(await deliverDueEmails({ transport: resendTransport("re_test_key"), from: FROM, now })).toEqual({ sent: 1, failed: 0, deferred: 0 });
      expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 4 });
    } finally {
      warn.mockRestore();
    }
  });
});
