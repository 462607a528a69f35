import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeading } from "@/components/ui/page-heading";
import { db } from "@/db/client";
import { findOutboxMessage } from "@/db/queries/outbox";
import { MAILBOX_FRAME_SANDBOX, mailboxPreviewHtml } from "@/lib/email/mailbox-preview";
import { env } from "@/lib/env";
import { formatDateTimeWithZone } from "@/lib/format";

export const metadata: Metadata = { title: "Dev mailbox: message" };

export default async function DevMailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!env().devMailbox) notFound();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const message = await findOutboxMessage(db, id);
  if (!message) notFound();
  return (
    <>
      <p className="mb-4">
        <Link href="/dev/mailbox">← All messages</Link>
      </p>
      <PageHeading title={message.subject} />
      <dl className="mb-6 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1">
        <dt className="font-semibold">To</dt>
        <dd className="wrap-anywhere">{message.toAddress}</dd>
        <dt className="font-semibold">Written</dt>
        <dd>{formatDateTimeWithZone(message.createdAt)}</dd>
        <dt className="font-semibold">Status</dt>
        <dd>
          {message.status === "sent" ? `Delivered ${message.sentAt ? formatDateTimeWithZone(message.sentAt) : ""}` : `Waiting (attempts: ${message.attempts})`}
        </dd>
      </dl>
      {message.html === null || message.text === null ? (
        <p className="rounded-lg border border-line bg-surface p-4">
          Body removed after sending{message.bodyPurgedAt ? ` (${formatDateTimeWithZone(message.bodyPurgedAt)})` : ""}: the portal keeps only who it went to, the subject and when, so its links can&apos;t be read here.
        </p>
      ) : (
        <>
          <h2 className="mb-2 text-xl font-semibold">As the recipient sees it</h2>
          {/* Sandboxed without scripts or this page's origin: the email can't run code or reach this page; a click on one of its links opens it in this tab. */}
          <iframe
            title="Rendered HTML of the email"
            sandbox={MAILBOX_FRAME_SANDBOX}
            srcDoc={mailboxPreviewHtml(message.html)}
            className="h-[640px] w-full rounded-lg border border-line bg-white"
          />
          <h2 className="mb-2 mt-8 text-xl font-semibold">Plain text version</h2>
          {/* Wrapped, long links included: a phone shows the whole text without scrolling sideways. */}
          <pre className="whitespace-pre-wrap wrap-anywhere rounded-lg border border-line bg-surface p-4 text-sm">{message.text}</pre>
        </>
      )}
    </>
  );
}
