import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeading } from "@/components/ui/page-heading";
import { StatusBadge } from "@/components/ui/status-badge";
import { db } from "@/db/client";
import { listOutboxMessages } from "@/db/queries/outbox";
import { env } from "@/lib/env";
import { formatDateTimeWithZone } from "@/lib/format";
import { QueuedLetters } from "./queued-letters";

export const metadata: Metadata = { title: "Dev mailbox" };

/** Every email the portal has written to its outbox, newest first. Only when the dev transport is on. */
export default async function DevMailboxPage() {
  if (!env().devMailbox) notFound();
  const messages = await listOutboxMessages(db);
  const letters = await QueuedLetters();
  return (
    <>
      <PageHeading
        title="Dev mailbox"
        lead="Emails the portal has sent while the development mail transport is on, newest first. Nothing here left this machine."
      />
      {letters}
      <h2 className="mb-3 text-xl font-semibold">Emails</h2>
      {messages.length === 0 ? (
        <p>No emails yet.</p>
      ) : (
        <ol className="divide-y divide-line rounded-lg border border-line bg-surface shadow-sm">
          {messages.map((message) => (
            <li key={message.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
              <div className="min-w-0 wrap-anywhere">
                <Link href={`/dev/mailbox/${message.id}`} className="font-semibold">
                  {message.subject}
                </Link>
                <p className="text-sm text-muted">
                  To {message.toAddress}
                  {message.bodyPurgedAt ? " · body removed after sending" : ""}
                </p>
              </div>
              <div className="flex items-center gap-3 text-sm text-muted">
                <time dateTime={message.createdAt.toISOString()}>{formatDateTimeWithZone(message.createdAt)}</time>
                <StatusBadge tone={message.status === "sent" ? "success" : "warning"}>{message.status === "sent" ? "Delivered" : "Waiting"}</StatusBadge>
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
