import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeading } from "@/components/ui/page-heading";
import { requireStaff } from "@/lib/auth/dal";
import { formatDate } from "@/lib/format";
import { letterQueue, parseLetterStatus, PIN_LETTER_STATUSES, type PinLetterStatus } from "@/lib/staff/letters/letter-queue";
import { formatTaxId } from "@/lib/validation";
import { STATUS_LABELS, type LetterRow } from "./letter-row";
import { LetterQueue } from "./letter-queue";

export const metadata: Metadata = { title: "PIN letters" };

type QueueLetter = Extract<Awaited<ReturnType<typeof letterQueue>>, { ok: true }>["letters"][number];

function statusNote(letter: QueueLetter): string | null {
  if (letter.status === "redeemed" && letter.redeemedAt) return `Redeemed ${formatDate(letter.redeemedAt)}`;
  if (letter.status === "mailed" && letter.mailedAt) return `Mailed ${formatDate(letter.mailedAt)}`;
  if (letter.status === "printed" && letter.printedAt) return `Printed ${formatDate(letter.printedAt)}`;
  if (letter.status === "expired") return `Expired ${formatDate(letter.expiresAt)}`;
  return null;
}

function toRow(letter: QueueLetter): LetterRow {
  const { address } = letter;
  return {
    id: letter.id,
    organizationName: letter.organizationName ?? address.name,
    taxId: formatTaxId(letter.taxId),
    addressLines: [address.addressLine1, address.addressLine2, `${address.city}, ${address.state} ${address.postalCode}`].filter((line): line is string => Boolean(line)),
    requestedBy: `${letter.requesterFirstName} ${letter.requesterLastName}`,
    requesterEmail: letter.requesterEmail,
    requestedOn: formatDate(letter.letterDate),
    status: letter.status,
    statusNote: statusNote(letter),
  };
}

function FilterLink({ status, current, count }: { status: PinLetterStatus | null; current: PinLetterStatus | null; count: number }) {
  const label = status ? STATUS_LABELS[status] : "All";
  return (
    <Link
      href={status ? `/staff/letters?status=${status}` : "/staff/letters"}
      aria-current={status === current ? "page" : undefined}
      className="rounded-full border border-line px-3 py-1 text-sm font-semibold no-underline aria-[current=page]:border-brand aria-[current=page]:bg-brand aria-[current=page]:text-white"
    >
      {label} ({count})
    </Link>
  );
}

export default async function StaffLettersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireStaff("/staff/letters");
  const status = parseLetterStatus((await searchParams).status);
  const queue = await letterQueue(user.userId, status);
  if (!queue.ok) notFound();
  const total = Object.values(queue.counts).reduce((sum, count) => sum + (count ?? 0), 0);

  return (
    <>
      <PageHeading
        eyebrow="Representatives' console"
        title="PIN letters"
        lead="Letters to practices' addresses of record, oldest request first. Tick the queued letters and press Print batch: their sheets open on this page, one per sheet of paper. Then mark them mailed when they go into the post."
      />
      <div className="mb-6 max-w-3xl space-y-2 text-ink">
        <p>
          <strong>You never see a PIN on screen here.</strong> A PIN appears only on the printed sheet, once: the letter&apos;s sealed copy is
          discarded as it prints, so a letter can&apos;t be printed twice. A reprint is a new letter with a new PIN: the registrant asks for it
          on their PIN page, and the old letter stops working.
        </p>
      </div>
      <nav aria-label="Filter letters by status" className="mb-6">
        <ul className="flex flex-wrap gap-2">
          <li>
            <FilterLink status={null} current={status} count={total} />
          </li>
          {PIN_LETTER_STATUSES.map((candidate) => (
            <li key={candidate}>
              <FilterLink status={candidate} current={status} count={queue.counts[candidate] ?? 0} />
            </li>
          ))}
        </ul>
      </nav>
      <LetterQueue letters={queue.letters.map(toRow)} />
    </>
  );
}
