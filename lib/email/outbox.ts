import type { Executor } from "@/db/client";
import { insertOutboxMessage } from "@/db/queries/outbox";
import { renderEmail, type EmailMessage } from "./templates";

/**
 * The one way to send an email: render it and write it to the outbox inside the caller's
 * transaction, so the email exists if and only if the change that caused it was saved.
 * Delivery happens afterwards (lib/email/deliver.ts).
 */
export async function enqueueEmail(executor: Executor, message: EmailMessage): Promise<string> {
  const rendered = await renderEmail(message);
  return insertOutboxMessage(executor, {
    template: rendered.template,
    toAddress: rendered.to,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
  });
}
