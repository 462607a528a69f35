import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { emailOutbox, type OutboxEmail } from "@/db/schema";

/** A queued email whose body has not been purged yet (tests read it before delivery). */
export type QueuedEmail = OutboxEmail & { html: string; text: string };

/** The emails queued for an address, oldest first (optionally one template only). */
export async function emailsTo(address: string, template?: string): Promise<QueuedEmail[]> {
  const rows = await db
    .select()
    .from(emailOutbox)
    .where(template ? and(eq(emailOutbox.toAddress, address), eq(emailOutbox.template, template)) : eq(emailOutbox.toAddress, address))
    .orderBy(asc(emailOutbox.createdAt));
  return rows.map((row) => ({ ...row, html: row.html ?? "", text: row.text ?? "" }));
}

/** The confirmation token in a verify-email message's link, as a person would click it. */
export function verificationTokenFrom(html: string): string {
  const match = /\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(html);
  if (!match?.[1]) throw new Error("No /verify-email?token= link in this email.");
  return match[1];
}

/** The token of the newest verify-email message queued for an address. */
export async function latestVerificationToken(address: string): Promise<string> {
  const messages = await emailsTo(address, "verify-email");
  const latest = messages.at(-1);
  if (!latest) throw new Error(`No verify-email message queued for ${address}.`);
  return verificationTokenFrom(latest.html);
}
