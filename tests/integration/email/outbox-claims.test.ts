import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { claimDueMessages, insertOutboxMessage, markMessageSent } from "@/db/queries/outbox";
import { emailOutbox } from "@/db/schema";
import { deliverDueEmails, LEASE_SECONDS } from "@/lib/email/deliver";
import { EmailSendError, type EmailTransport, type OutgoingEmail } from "@/lib/email/transports";
import { withInstances } from "@/tests/support/instances";

const FROM = "HealthPartners Provider Portal <no-reply@provider-portal.example>";
const SECOND = 1000;
const at = (from: Date, ms: number) => new Date(from.getTime() + ms);

/** A transport that records every email it is asked to send (what a recipient would receive). */
function recordingTransport(options: { delayMs?: number; refuse?: (email: OutgoingEmail) => EmailSendError | null } = {}) {
  const sent: string[] = [];
  const transport: EmailTransport = {
    name: "resend",
    async send(email) {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const refusal = options.refuse?.(email);
      if (refusal) throw refusal;
      sent.push(email.id);
      return { providerMessageId: `recorded-${email.id}` };
    },
  };
  return { transport, sent };
}

async function queue(count: number, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    ids.push(await insertOutboxMessage(db, { template: "test", toAddress: `${label}.${index}@claims.example`, subject: `Message ${index}`, html: `<p>${index}</p>`, text: `${index}` }));
  }
  return ids;
}

async function rows(ids: string[]) {
  return db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));
}

async function row(id: string) {
  const [found] = await rows([id]);
  if (!found) throw new Error(`No outbox row ${id}`);
  return found;
}

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(async () => {
  warn.mockRestore();
  // Each test starts with an empty queue: nothing one leaves pending is due in the next.
  await db.update(emailOutbox).set({ status: "sent" }).where(eq(emailOutbox.status, "pending"));
});

describe("claiming the outbox", () => {
  it("queues a message due at once for a sender whose clock was read in the same millisecond", async () => {
    const ids = await queue(20, "same-millisecond");
    // The database's clock counts microseconds, a sender's Date milliseconds: the due time is
    // stamped in whole milliseconds, or a message queued just before a pass began would wait.
    const stamped = await db
      .select({ micros: sql<number>`extract(microseconds from ${emailOutbox.nextAttemptAt})::int % 1000` })
      .from(emailOutbox)
      .where(inArray(emailOutbox.id, ids));
    expect(stamped.map((found) => Number(found.micros))).toEqual(ids.map(() => 0));
    expect(await deliverDueEmails({ transport: recordingTransport().transport, from: FROM })).toEqual({ sent: 20, failed: 0, deferred: 0 });
  });

  it("delivers each message exactly once when several instances send at the same time", async () => {
    const ids = await queue(40, "many");
    const { transport, sent } = recordingTransport({ delayMs: 2 });
    await withInstances(4, async (instances) => {
      // Rounds of four senders at once, five messages a claim, until nothing is left.
      for (let round = 0; round < 20; round += 1) {
        const reports = await Promise.all(instances.map((database) => deliverDueEmails({ transport, from: FROM, limit: 5, database })));
        if (reports.every((report) => report.sent === 0)) break;
      }
    });
    expect(sent.toSorted()).toEqual(ids.toSorted());
    const delivered = await rows(ids);
    expect(delivered.every((message) => message.status === "sent" && message.attempts === 1 && message.claimToken === null && message.lockedUntil === null)).toBe(true);
  });

  it("holds a message claimed by a sender that died only until the lease passes, and ignores that sender afterwards", async () => {
    const [id] = await queue(1, "lease");
    const now = new Date();
    const deadClaim = { id: id!, claimToken: randomUUID() };
    // A sender claims it, then dies without sending (or after sending, before recording it).
    expect(await claimDueMessages(db, { now, limit: 10, leaseUntil: at(now, LEASE_SECONDS * SECOND), claimToken: deadClaim.claimToken })).toHaveLength(1);

    const { transport, sent } = recordingTransport();
    expect(await deliverDueEmails({ transport, from: FROM, now: at(now, 60 * SECOND) })).toEqual({ sent: 0, failed: 0, deferred: 0 });
    expect(sent).toEqual([]);

    expect(await deliverDueEmails({ transport, from: FROM, now: at(now, (LEASE_SECONDS + 1) * SECOND) })).toEqual({ sent: 1, failed: 0, deferred: 0 });
    expect(sent).toEqual([id]);
    expect(await row(id!)).toMatchObject({ status: "sent", attempts: 2, providerMessageId: `recorded-${id}` });

    // The dead sender coming back to record its own send changes nothing.
    expect(await markMessageSent(db, deadClaim, { sentAt: new Date(), transport: "resend", providerMessageId: "stale", purgeBody: true })).toBe(false);
    expect(await row(id!)).toMatchObject({ providerMessageId: `recorded-${id}` });
  });

  it("starts no send that could outlast the lease: the claimed messages are handed back untried", async () => {
    const ids = await queue(3, "short-lease");
    const { transport, sent } = recordingTransport();
    // A 10-second lease leaves no room for a 2-second send and the time to record it.
    expect(await deliverDueEmails({ transport, from: FROM, leaseSeconds: 10, sendTimeoutMs: 2 * SECOND })).toEqual({ sent: 0, failed: 0, deferred: 3 });
    expect(sent).toEqual([]);
    expect((await rows(ids)).map((message) => [message.status, message.attempts, message.lockedUntil, message.claimToken])).toEqual([
      ["pending", 0, null, null],
      ["pending", 0, null, null],
      ["pending", 0, null, null],
    ]);
    expect(await deliverDueEmails({ transport, from: FROM })).toEqual({ sent: 3, failed: 0, deferred: 0 });
  });

  it("gives up a send that does not answer in time, and stops the run there", async () => {
    const ids = await queue(3, "hanging");
    // A transport that never answers and ignores the abort signal.
    const hanging: EmailTransport = { name: "resend", send: () => new Promise(() => {}) };
    const now = new Date();
    const started = performance.now();
    expect(await deliverDueEmails({ transport: hanging, from: FROM, now, sendTimeoutMs: 300 })).toEqual({ sent: 0, failed: 1, deferred: 2 });
    expect(performance.now() - started).toBeLessThan(5 * SECOND);
    const after = await rows(ids);
    const tried = after.filter((message) => message.attempts > 0);
    expect(tried).toHaveLength(1);
    expect(tried[0]).toMatchObject({ status: "pending", attempts: 1, lastError: "No answer from resend within 300 ms.", lastFailure: "service", lockedUntil: null, claimToken: null });
    expect(tried[0]!.nextAttemptAt.getTime()).toBe(now.getTime() + 30 * SECOND);
    // The others were not tried: due as before, with no attempt counted.
    expect(after.filter((message) => message.attempts === 0 && message.lastError === null && message.nextAttemptAt <= now)).toHaveLength(2);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("goes on with the other messages when the service refuses one of them", async () => {
    const ids = await queue(3, "refused");
    const { transport, sent } = recordingTransport({
      refuse: (email) => (email.to === "refused.0@claims.example" ? new EmailSendError("Resend refused the message: validation_error: Invalid `to` field.", "message") : null),
    });
    expect(await deliverDueEmails({ transport, from: FROM })).toEqual({ sent: 2, failed: 1, deferred: 0 });
    expect(sent.toSorted()).toEqual(ids.slice(1).toSorted());
    expect(await row(ids[0]!)).toMatchObject({ status: "pending", lastFailure: "message" });
  });

  it("once the service takes messages again, the ones it turned away are due at once, not after their back-off", async () => {
    const ids = await queue(2, "recovered");
    const now = new Date();
    let down = true;
    const { transport, sent } = recordingTransport({ refuse: () => (down ? new EmailSendError("Resend refused the message: internal_server_error: down") : null) });
    // While it is down, each run tries one message and stops.
    expect(await deliverDueEmails({ transport, from: FROM, now })).toEqual({ sent: 0, failed: 1, deferred: 1 });
    expect(await deliverDueEmails({ transport, from: FROM, now })).toEqual({ sent: 0, failed: 1, deferred: 0 });
    expect((await rows(ids)).map((message) => message.nextAttemptAt.getTime())).toEqual([now.getTime() + 30 * SECOND, now.getTime() + 30 * SECOND]);

    // Back up: a new message goes out, and the two turned away become due with it.
    down = false;
    const [fresh] = await queue(1, "fresh");
    expect(await deliverDueEmails({ transport, from: FROM, now: at(now, 5 * SECOND) })).toEqual({ sent: 1, failed: 0, deferred: 0 });
    expect(await deliverDueEmails({ transport, from: FROM, now: at(now, 10 * SECOND) })).toEqual({ sent: 2, failed: 0, deferred: 0 });
    expect(sent.toSorted()).toEqual([fresh!, ...ids].toSorted());
  });
});
