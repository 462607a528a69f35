import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { db as defaultDb, type Database } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { env } from "@/lib/env";
import { devMailboxTransport, resendTransport, type EmailTransport } from "./transports";

const CLAIM_SECONDS = 120;
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
  const due = database
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.status, "pending"),
        lte(emailOutbox.nextAttemptAt, now),
        or(isNull(emailOutbox.lockedUntil), lt(emailOutbox.lockedUntil, now)),
      ),
    )
    .orderBy(asc(emailOutbox.createdAt))
    .limit(options.limit ?? 20)
    .for("update", { skipLocked: true });

  const claimed = await database
    .update(emailOutbox)
    .set({ lockedUntil: new Date(now.getTime() + CLAIM_SECONDS * 1000), attempts: sql`${emailOutbox.attempts} + 1` })
    .where(inArray(emailOutbox.id, due))
    .returning();

  const report: DeliveryReport = { sent: 0, failed: 0 };
  for (const message of claimed) {
    try {
      const { providerMessageId } = await transport.send({
        id: message.id,
        from,
        to: message.toAddress,
        subject: message.subject,
        html: message.html,
        text: message.text,
      });
      await database
        .update(emailOutbox)
        .set({ status: "sent", sentAt: new Date(), transport: transport.name, providerMessageId, lockedUntil: null, lastError: null })
        .where(eq(emailOutbox.id, message.id));
      report.sent += 1;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await database
        .update(emailOutbox)
        .set({
          lockedUntil: null,
          lastError: reason.slice(0, 1000),
          nextAttemptAt: new Date(now.getTime() + retryDelaySeconds(message.attempts) * 1000),
        })
        .where(eq(emailOutbox.id, message.id));
      console.warn(`[outbox] sending ${message.id} (${message.template}) failed, will retry: ${reason}`);
      report.failed += 1;
    }
  }
  return report;
}
