import { Resend, type ErrorResponse } from "resend";
import { instanceName } from "@/lib/instance";

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
  /** Sends one email; gives up when `signal` aborts (the outbox then retries it later with the same id). */
  send(email: OutgoingEmail, options?: { signal?: AbortSignal }): Promise<{ providerMessageId: string }>;
}

/**
 * A send that failed. `failure` says whose fault it was: "service" when the mail service could
 * not take any message just now (unreachable, timed out, 5xx, rate limit, quota, our key), so
 * the sender stops its run and tries again later; "message" when it refused this message only
 * (an invalid address, say), so the others go on.
 */
export class EmailSendError extends Error {
  readonly failure: "service" | "message";

  constructor(message: string, failure: "service" | "message" = "service") {
    super(message);
    this.name = "EmailSendError";
    this.failure = failure;
  }
}

/** Resend's refusals of one message's content; anything else means the service can't send now. */
const MESSAGE_REFUSALS = new Set<ErrorResponse["name"]>(["validation_error", "invalid_attachment", "invalid_parameter", "missing_required_field", "invalid_idempotent_request"]);

/** The key Resend remembers a send by (24 hours): a retry of the same outbox row is delivered once. */
export function idempotencyKeyFor(outboxId: string): string {
  return `outbox-${outboxId}`;
}

/** Sends through Resend's API (or whatever RESEND_BASE_URL points at, e.g. a local fake in tests). */
export function resendTransport(apiKey: string): EmailTransport {
  const client = new Resend(apiKey);
  return {
    name: "resend",
    async send(email, options = {}) {
      const { data, error } = await client.emails.send(
        { from: email.from, to: [email.to], subject: email.subject, html: email.html, text: email.text },
        { idempotencyKey: idempotencyKeyFor(email.id), signal: options.signal },
      );
      if (options.signal?.aborted) throw new EmailSendError("Resend did not answer in time (the send is retried later with the same idempotency key).");
      if (error || !data) {
        const failure = error && MESSAGE_REFUSALS.has(error.name) ? "message" : "service";
        throw new EmailSendError(`Resend refused the message: ${error?.name ?? "unknown"}: ${error?.message ?? "no data"}`, failure);
      }
      return { providerMessageId: data.id };
    },
  };
}

/**
 * Development and demo: nothing leaves the machine. The message stays in the outbox, where
 * /dev/mailbox shows it; its "provider id" names the process that delivered it.
 */
export function devMailboxTransport(): EmailTransport {
  return {
    name: "dev-mailbox",
    async send(email) {
      return { providerMessageId: `dev-${instanceName()}-${email.id}` };
    },
  };
}
