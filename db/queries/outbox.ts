import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { emailOutbox } from "../schema";

export async function listOutboxMessages(executor: Executor, limit = 100) {
  return executor
    .select({
      id: emailOutbox.id,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      template: emailOutbox.template,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
      bodyPurgedAt: emailOutbox.bodyPurgedAt,
    })
    .from(emailOutbox)
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit);
}

export async function findOutboxMessage(executor: Executor, id: string) {
  const [message] = await executor.select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1);
  return message ?? null;
}

/**
 * Queues a message, due at once. Its due time is stamped in milliseconds, as the senders' clocks
 * (JavaScript dates) count: stamped in the database's microseconds, a message queued in the same
 * millisecond as a send pass began would be just after that pass's "now", and wait for the next.
 */
export async function insertOutboxMessage(executor: Executor, message: { template: string; toAddress: string; subject: string; html: string; text: string }): Promise<string> {
  const [row] = await executor
    .insert(emailOutbox)
    .values({ ...message, nextAttemptAt: sql`date_trunc('milliseconds', now())` })
    .returning({ id: emailOutbox.id });
  if (!row) throw new Error("The outbox insert returned no row.");
  return row.id;
}

/** A claim on one message: only its holder may mark the message sent or failed. */
export interface OutboxClaim {
  id: string;
  claimToken: string;
}

/**
 * Claims up to `limit` due messages with SKIP LOCKED and a lease, so that several app
 * instances (or overlapping runs) never take the same message at once. A message is due when
 * it is pending, its next attempt has come, and no live lease holds it (a sender that died
 * mid-send leaves a lease that expires). Each claim counts as an attempt.
 */
export async function claimDueMessages(executor: Executor, values: { now: Date; limit: number; leaseUntil: Date; claimToken: string }) {
  const due = executor
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.status, "pending"), lte(emailOutbox.nextAttemptAt, values.now), or(isNull(emailOutbox.lockedUntil), lt(emailOutbox.lockedUntil, values.now))))
    .orderBy(asc(emailOutbox.createdAt))
    .limit(values.limit)
    .for("update", { skipLocked: true });
  return executor
    .update(emailOutbox)
    .set({ lockedUntil: values.leaseUntil, claimToken: values.claimToken, attempts: sql`${emailOutbox.attempts} + 1` })
    .where(inArray(emailOutbox.id, due))
    .returning();
}

/** The message as long as this claim still holds it (a claim that another sender replaced after its lease matches nothing). */
function heldBy(claim: OutboxClaim) {
  return and(eq(emailOutbox.id, claim.id), eq(emailOutbox.claimToken, claim.claimToken), eq(emailOutbox.status, "pending"));
}

/**
 * Marks a message sent, if the claim still holds it; returns whether it did. With `purgeBody`
 * its html and text (which may hold a live link) are cleared at the same time, keeping
 * recipient, template, subject, status and times.
 */
export async function markMessageSent(
  executor: Executor,
  claim: OutboxClaim,
  values: { sentAt: Date; transport: string; providerMessageId: string; purgeBody: boolean },
): Promise<boolean> {
  const rows = await executor
    .update(emailOutbox)
    .set({
      status: "sent",
      sentAt: values.sentAt,
      transport: values.transport,
      providerMessageId: values.providerMessageId,
      lockedUntil: null,
      claimToken: null,
      lastError: null,
      lastFailure: null,
      ...(values.purgeBody ? { html: null, text: null, bodyPurgedAt: values.sentAt } : {}),
    })
    .where(heldBy(claim))
    .returning({ id: emailOutbox.id });
  return rows.length > 0;
}

/** Clears the bodies of messages already sent (kept while the dev mailbox was the transport); returns how many. */
export async function purgeSentBodies(executor: Executor, now: Date): Promise<number> {
  const rows = await executor
    .update(emailOutbox)
    .set({ html: null, text: null, bodyPurgedAt: now })
    .where(and(eq(emailOutbox.status, "sent"), isNull(emailOutbox.bodyPurgedAt)))
    .returning({ id: emailOutbox.id });
  return rows.length;
}

/** Records a failed send and when to try again, if the claim still holds the message; returns whether it did. */
export async function markMessageFailed(
  executor: Executor,
  claim: OutboxClaim,
  values: { lastError: string; failure: "service" | "message"; nextAttemptAt: Date },
): Promise<boolean> {
  const rows = await executor
    .update(emailOutbox)
    .set({ lockedUntil: null, claimToken: null, lastError: values.lastError, lastFailure: values.failure, nextAttemptAt: values.nextAttemptAt })
    .where(heldBy(claim))
    .returning({ id: emailOutbox.id });
  return rows.length > 0;
}

/**
 * Gives back messages claimed but not tried (the run stopped first): due again at once, and the
 * claim's attempt is not counted. Returns how many.
 */
export async function releaseClaims(executor: Executor, ids: string[], claimToken: string): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await executor
    .update(emailOutbox)
    .set({ lockedUntil: null, claimToken: null, attempts: sql`greatest(${emailOutbox.attempts} - 1, 0)` })
    .where(and(inArray(emailOutbox.id, ids), eq(emailOutbox.claimToken, claimToken), eq(emailOutbox.status, "pending")))
    .returning({ id: emailOutbox.id });
  return rows.length;
}

/**
 * Once the mail service takes messages again, the ones it turned away while it was down need
 * not wait out their back-off (up to an hour): they become due now. Returns how many.
 */
export async function retryServiceFailuresNow(executor: Executor, now: Date): Promise<number> {
  const rows = await executor
    .update(emailOutbox)
    .set({ nextAttemptAt: now })
    .where(
      and(
        eq(emailOutbox.status, "pending"),
        gt(emailOutbox.nextAttemptAt, now),
        eq(emailOutbox.lastFailure, "service"),
        or(isNull(emailOutbox.lockedUntil), lt(emailOutbox.lockedUntil, now)),
      ),
    )
    .returning({ id: emailOutbox.id });
  return rows.length;
}
