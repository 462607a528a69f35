import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeading } from "@/components/ui/page-heading";
import { db } from "@/db/client";
import { findOutboxMessage } from "@/db/queries/outbox";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";

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
      <dl className="mb-6 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">To</dt>
        <dd>{message.toAddress}</dd>
        <dt className="font-semibold">Written</dt>
        <dd>{formatDateTime(message.createdAt)}</dd>
        <dt className="font-semibold">Status</dt>
        <dd>
          {message.status === "sent" ? `Delivered ${message.sentAt ? formatDateTime(message.sentAt) : ""}` : `Waiting (attempts: ${message.attempts})`}
        </dd>
      </dl>
      {message.html === null || message.text === null ? (
        <p className="rounded-lg border border-line bg-surface p-4">
          Body removed after sending{message.bodyPurgedAt ? ` (${formatDateTime(message.bodyPurgedAt)})` : ""}: the portal keeps only who it went to, the subject and when, so its links can&apos;t be read here.
        </p>
      ) : (
        <>
          <h2 className="mb-2 text-xl font-semibold">As the recipient sees it</h2>
          {/* An empty sandbox: the email's HTML can't run scripts or reach this page. */}
          <iframe title="Rendered HTML of the email" sandbox="" srcDoc={message.html} className="h-[640px] w-full rounded-lg border border-line bg-white" />
          <h2 className="mb-2 mt-8 text-xl font-semibold">Plain text version</h2>
          <pre className="overflow-x-auto whitespace-pre-wrap rounded-lg border border-line bg-surface p-4 text-sm">{message.text}</pre>
        </>
      )}
    </>
  );
}
