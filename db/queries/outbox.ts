import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
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

export async function insertOutboxMessage(executor: Executor, message: { template: string; toAddress: string; subject: string; html: string; text: string }): Promise<string> {
  const [row] = await executor.insert(emailOutbox).values(message).returning({ id: emailOutbox.id });
  if (!row) throw new Error("The outbox insert returned no row.");
  return row.id;
}

/**
 * Claims up to `limit` due messages with SKIP LOCKED and a lease, so that several app
 * instances (or overlapping runs) never take the same message at once.
 */
export async function claimDueMessages(executor: Executor, values: { now: Date; limit: number; leaseUntil: Date }) {
  const due = executor
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.status, "pending"), lte(emailOutbox.nextAttemptAt, values.now), or(isNull(emailOutbox.lockedUntil), lt(emailOutbox.lockedUntil, values.now))))
    .orderBy(asc(emailOutbox.createdAt))
    .limit(values.limit)
    .for("update", { skipLocked: true });
  return executor
    .update(emailOutbox)
    .set({ lockedUntil: values.leaseUntil, attempts: sql`${emailOutbox.attempts} + 1` })
    .where(inArray(emailOutbox.id, due))
    .returning();
}

/**
 * Marks a message sent. With `purgeBody` its html and text (which may hold a live link) are
 * cleared at the same time, keeping recipient, template, subject, status and times.
 */
export async function markMessageSent(
  executor: Executor,
  id: string,
  values: { sentAt: Date; transport: string; providerMessageId: string; purgeBody: boolean },
): Promise<void> {
  await executor
    .update(emailOutbox)
    .set({
      status: "sent",
      sentAt: values.sentAt,
      transport: values.transport,
      providerMessageId: values.providerMessageId,
      lockedUntil: null,
      lastError: null,
      ...(values.purgeBody ? { html: null, text: null, bodyPurgedAt: values.sentAt } : {}),
    })
    .where(eq(emailOutbox.id, id));
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

export async function markMessageFailed(executor: Executor, id: string, values: { lastError: string; nextAttemptAt: Date }): Promise<void> {
  await executor.update(emailOutbox).set({ lockedUntil: null, lastError: values.lastError, nextAttemptAt: values.nextAttemptAt }).where(eq(emailOutbox.id, id));
}
