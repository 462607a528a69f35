import { randomUUID } from "node:crypto";
import { db as defaultDb, type Database } from "@/db/client";
import { claimDueMessages, markMessageFailed, markMessageSent, purgeSentBodies, releaseClaims, retryServiceFailuresNow } from "@/db/queries/outbox";
import type { OutboxEmail } from "@/db/schema";
import { env } from "@/lib/env";
import { devMailboxTransport, EmailSendError, resendTransport, type EmailTransport } from "./transports";

/** How long a claim holds a message: another instance may take it only after this (its sender died). */
export const LEASE_SECONDS = 120;
/** A send not answered by then is given up and retried later, with the same idempotency key. */
export const SEND_TIMEOUT_MS = 30_000;
/** Room left in the lease after a send's timeout, to record how it went. */
const LEASE_MARGIN_MS = 10_000;
const lastTransport = new WeakMap<object, EmailTransport["name"]>();
const MAX_BACKOFF_SECONDS = 60 * 60;

/** 30 s, 1 min, 2 min, ... up to an hour between attempts; never given up. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_SECONDS);
}

export function configuredTransport(): EmailTransport {
  const config = env();
  return config.emailTransport === "resend" && config.RESEND_API_KEY ? resendTransport(config.RESEND_API_KEY) : devMailboxTransport();
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  /** Claimed but handed back untried: the mail service was failing, or the lease had no room left. */
  deferred: number;
}

/**
 * Whether a sent message keeps its body: only while the dev mailbox is the transport (it is
 * the "inbox" there, and /dev/mailbox shows it; in production only on a demo site, DEMO_MODE).
 * Otherwise the body, which may hold a live confirmation or reset link, is purged once sent.
 */
export function keepsSentBodies(transport: EmailTransport): boolean {
  return transport.name === "dev-mailbox";
}

type Attempt = { ok: true; providerMessageId: string } | { ok: false; reason: string; failure: "service" | "message" };

/** One send, given up after `timeoutMs` even if the transport ignores its abort signal. */
async function attemptSend(transport: EmailTransport, message: OutboxEmail, from: string, timeoutMs: number): Promise<Attempt> {
  if (message.html === null || message.text === null) return { ok: false, reason: "The email's body was purged before it was sent.", failure: "message" };
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new EmailSendError(`No answer from ${transport.name} within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}.`));
    }, timeoutMs);
  });
  try {
    const email = { id: message.id, from, to: message.toAddress, subject: message.subject, html: message.html, text: message.text };
    const { providerMessageId } = await Promise.race([transport.send(email, { signal: controller.signal }), timedOut]);
    return { ok: true, providerMessageId };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error), failure: error instanceof EmailSendError ? error.failure : "service" };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Delivers the messages that are due. Rows are claimed with SKIP LOCKED, a lease and a claim
 * token, so several app instances (or overlapping runs) never send one message at the same time,
 * and a sender that dies mid-send only delays its messages until the lease passes. A send starts
 * only while it can finish within the lease; the row id is the provider's idempotency key, so
 * the retry after a lost reply (a timeout, or the database gone before "sent" was recorded) is
 * delivered once. When the mail service itself fails, the run stops there and hands back what it
 * has not tried (one request per run while it is down); once a send succeeds again, the messages
 * it turned away are due at once rather than after their back-off.
 */
export async function deliverDueEmails(
  options: { transport?: EmailTransport; from?: string; limit?: number; now?: Date; database?: Database; sendTimeoutMs?: number; leaseSeconds?: number } = {},
): Promise<DeliveryReport> {
  const database = options.database ?? defaultDb;
  const transport = options.transport ?? configuredTransport();
  const from = options.from ?? env().EMAIL_FROM;
  const now = options.now ?? new Date();
  const leaseMs = (options.leaseSeconds ?? LEASE_SECONDS) * 1000;
  const sendTimeoutMs = options.sendTimeoutMs ?? SEND_TIMEOUT_MS;
  // Bodies kept while the dev mailbox was the transport go as soon as a real transport takes over
  // (at the first run in this process, or after a run through the dev mailbox; later sends purge their own).
  const previous = lastTransport.get(database);
  if (!keepsSentBodies(transport) && (previous === undefined || previous === "dev-mailbox")) await purgeSentBodies(database, now);
  lastTransport.set(database, transport.name);

  const claimToken = randomUUID();
  const claimedAt = performance.now();
  const claimed = await claimDueMessages(database, { now, limit: options.limit ?? 20, leaseUntil: new Date(now.getTime() + leaseMs), claimToken });

  const report: DeliveryReport = { sent: 0, failed: 0, deferred: 0 };
  let next = 0;
  for (; next < claimed.length; next += 1) {
    const message = claimed[next]!;
    if (performance.now() - claimedAt + sendTimeoutMs + LEASE_MARGIN_MS > leaseMs) break;
    const claim = { id: message.id, claimToken };
    const attempt = await attemptSend(transport, message, from, sendTimeoutMs);
    if (attempt.ok) {
      // If this write fails (the database went away), the error ends the run: the lease passes and
      // the message is sent again with the same idempotency key, which the provider delivers once.
      const recorded = await markMessageSent(database, claim, { sentAt: new Date(), transport: transport.name, providerMessageId: attempt.providerMessageId, purgeBody: !keepsSentBodies(transport) });
      if (!recorded) console.warn(`[outbox] ${message.id} was sent after its claim had passed to another sender; the idempotency key keeps it from being delivered twice.`);
      report.sent += 1;
      continue;
    }
    await markMessageFailed(database, claim, {
      lastError: attempt.reason.slice(0, 1000),
      failure: attempt.failure,
      nextAttemptAt: new Date(now.getTime() + retryDelaySeconds(message.attempts) * 1000),
    });
    console.warn(`[outbox] sending ${message.id} (${message.template}) failed, will retry: ${attempt.reason}`);
    report.failed += 1;
    if (attempt.failure === "service") {
      next += 1;
      break;
    }
  }
  report.deferred = await releaseClaims(
    database,
    claimed.slice(next).map((message) => message.id),
    claimToken,
  );
  if (report.sent > 0) await retryServiceFailuresNow(database, now);
  return report;
}
