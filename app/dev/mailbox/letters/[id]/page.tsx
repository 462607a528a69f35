import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeading } from "@/components/ui/page-heading";
import { MAILBOX_FRAME_SANDBOX, mailboxPreviewHtml } from "@/lib/email/mailbox-preview";
import { env } from "@/lib/env";
import { formatDateTimeWithZone } from "@/lib/format";
import { previewQueuedLetters } from "@/lib/pin-letters/print-letter";
import { formatTaxId } from "@/lib/validation";

export const metadata: Metadata = { title: "Dev mailbox: PIN letter" };

/** A queued letter as it will be printed, PIN included. Development only: in production the PIN is never shown on screen. */
export default async function DevPinLetterPage({ params }: { params: Promise<{ id: string }> }) {
  if (!env().devMailbox) notFound();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const letter = (await previewQueuedLetters()).find((candidate) => candidate.id === id);
  if (!letter) notFound();
  return (
    <>
      <p className="mb-4">
        <Link href="/dev/mailbox">← All messages</Link>
      </p>
      <PageHeading title={`PIN letter to ${letter.address.name}`} />
      <dl className="mb-6 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1">
        <dt className="font-semibold">Tax ID</dt>
        <dd>{formatTaxId(letter.taxId)}</dd>
        <dt className="font-semibold">Attn</dt>
        <dd>{letter.registrantName}</dd>
        <dt className="font-semibold">Queued</dt>
        <dd>{formatDateTimeWithZone(letter.letterDate)}</dd>
        <dt className="font-semibold">Status</dt>
        <dd>Waiting to be printed</dd>
      </dl>
      <h2 className="mb-2 text-xl font-semibold">As it will be printed</h2>
      {/* Sandboxed as emails are: the letter's HTML can't run scripts or reach this page; its sign-in link opens in this tab. */}
      <iframe title="Rendered PIN letter" sandbox={MAILBOX_FRAME_SANDBOX} srcDoc={mailboxPreviewHtml(letter.html)} className="h-[1150px] w-full rounded-lg border border-line bg-white" />
      <h2 className="mb-2 mt-8 text-xl font-semibold">Plain text version</h2>
      <pre className="whitespace-pre-wrap wrap-anywhere rounded-lg border border-line bg-surface p-4 text-sm">{letter.text}</pre>
    </>
  );
}
