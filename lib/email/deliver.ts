import { db as defaultDb, type Database } from "@/db/client";
import { claimDueMessages, markMessageFailed, markMessageSent, purgeSentBodies } from "@/db/queries/outbox";
import { env } from "@/lib/env";
import { devMailboxTransport, resendTransport, type EmailTransport } from "./transports";

const CLAIM_SECONDS = 120;
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
}

/**
 * Whether a sent message keeps its body: only while the dev mailbox is the transport (it is
 * the "inbox" there, and /dev/mailbox shows it; in production only on a demo site, DEMO_MODE).
 * Otherwise the body, which may hold a live confirmation or reset link, is purged once sent.
 */
export function keepsSentBodies(transport: EmailTransport): boolean {
  return transport.name === "dev-mailbox";
}

/**
 * Delivers the messages that are due. Rows are claimed with SKIP LOCKED and a lease, so
 * several app instances (or overlapping runs) never send one message twice at once; the
 * row id doubles as the provider's idempotency key for the rare retry after a lost reply.
 */
export async function deliverDueEmails(
  options: { transport?: EmailTransport; from?: string; limit?: number; now?: Date; database?: Database } = {},
): Promise<DeliveryReport> {
  const database = options.database ?? defaultDb;
  const transport = options.transport ?? configuredTransport();
  const from = options.from ?? env().EMAIL_FROM;
  const now = options.now ?? new Date();
  // Bodies kept while the dev mailbox was the transport go as soon as a real transport takes over
  // (at the first run in this process, or after a run through the dev mailbox; later sends purge their own).
  const previous = lastTransport.get(database);
  if (!keepsSentBodies(transport) && (previous === undefined || previous === "dev-mailbox")) await purgeSentBodies(database, now);
  lastTransport.set(database, transport.name);
  const claimed = await claimDueMessages(database, { now, limit: options.limit ?? 20, leaseUntil: new Date(now.getTime() + CLAIM_SECONDS * 1000) });

  const report: DeliveryReport = { sent: 0, failed: 0 };
  for (const message of claimed) {
    try {
      if (message.html === null || message.text === null) throw new Error("The email's body was purged before it was sent.");
      const { providerMessageId } = await transport.send({
        id: message.id,
        from,
        to: message.toAddress,
        subject: message.subject,
        html: message.html,
        text: message.text,
      });
      await markMessageSent(database, message.id, { sentAt: new Date(), transport: transport.name, providerMessageId, purgeBody: !keepsSentBodies(transport) });
      report.sent += 1;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await markMessageFailed(database, message.id, {
        lastError: reason.slice(0, 1000),
        nextAttemptAt: new Date(now.getTime() + retryDelaySeconds(message.attempts) * 1000),
      });
      console.warn(`[outbox] sending ${message.id} (${message.template}) failed, will retry: ${reason}`);
      report.failed += 1;
    }
  }
  return report;
}
