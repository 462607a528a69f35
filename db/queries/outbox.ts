import { desc, eq } from "drizzle-orm";
import { db as defaultDb, type Executor } from "../client";
import { emailOutbox } from "../schema";

export async function listOutboxMessages(limit = 100, executor: Executor = defaultDb) {
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
    })
    .from(emailOutbox)
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit);
}

export async function findOutboxMessage(id: string, executor: Executor = defaultDb) {
  const [message] = await executor.select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1);
  return message ?? null;
}
