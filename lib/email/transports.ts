import { Resend } from "resend";

export interface OutgoingEmail {
  /** The outbox row id, used as the idempotency key so a retried send is delivered once. */
  id: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

export interface EmailTransport {
  name: "resend" | "dev-mailbox";
  send(email: OutgoingEmail): Promise<{ providerMessageId: string }>;
}

export class EmailSendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmailSendError";
  }
}

/** Sends through Resend's API (or whatever RESEND_BASE_URL points at, e.g. a local fake in tests). */
export function resendTransport(apiKey: string): EmailTransport {
  const client = new Resend(apiKey);
  return {
    name: "resend",
    async send(email) {
      const { data, error } = await client.emails.send(
        { from: email.from, to: [email.to], subject: email.subject, html: email.html, text: email.text },
        { idempotencyKey: `outbox-${email.id}` },
      );
      if (error || !data) throw new EmailSendError(`Resend refused the message: ${error?.name ?? "unknown"}: ${error?.message ?? "no data"}`);
      return { providerMessageId: data.id };
    },
  };
}

/**
 * Development and demo: nothing leaves the machine. The message stays in the outbox, where
 * /dev/mailbox shows it.
 */
export function devMailboxTransport(): EmailTransport {
  return {
    name: "dev-mailbox",
    async send(email) {
      return { providerMessageId: `dev-${email.id}` };
    },
  };
}
