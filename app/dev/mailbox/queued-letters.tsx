import Link from "next/link";
import { db } from "@/db/client";
import { listQueuedLetters } from "@/db/queries/pin-letters";
import { formatDateTimeWithZone } from "@/lib/format";
import { formatTaxId } from "@/lib/validation";

/** The PIN letters in the print queue, so that a US Mail registration can be finished locally. */
export async function QueuedLetters() {
  const letters = await listQueuedLetters(db);
  return (
    <section aria-labelledby="queued-letters" className="mb-8">
      <h2 id="queued-letters" className="mb-3 text-xl font-semibold">
        PIN letters waiting to be printed
      </h2>
      {letters.length === 0 ? (
        <p>No letters in the print queue.</p>
      ) : (
        <ol className="divide-y divide-line rounded-lg border border-line bg-surface shadow-sm">
          {letters.map((letter) => (
            <li key={letter.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
              <div className="min-w-0 wrap-anywhere">
                <Link href={`/dev/mailbox/letters/${letter.id}`} className="font-semibold">
                  PIN letter to {letter.address.name} ({formatTaxId(letter.taxId)})
                </Link>
                <p className="text-sm text-muted">
                  Attn: {letter.firstName} {letter.lastName}
                </p>
              </div>
              <time dateTime={letter.letterDate.toISOString()} className="text-sm text-muted">
                {formatDateTimeWithZone(letter.letterDate)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
