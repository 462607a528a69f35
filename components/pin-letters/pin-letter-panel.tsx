import { enterPinAction, requestNewLetterAction } from "@/app/(portal)/access/pin/actions";
import { Notice } from "@/components/ui/notice";
import { formatDate } from "@/lib/format";
import type { PendingLetter } from "@/lib/pin-letters/pending-letters";
import { formatTaxId } from "@/lib/validation";
import { NewLetterForm } from "./new-letter-form";
import { PinEntryForm } from "./pin-entry-form";

/**
 * Everything about one letter waiting for its PIN: where it went (masked), when, until when,
 * and the one thing to do next (enter the PIN, ask for a new letter, or call us).
 */
export function PinLetterPanel({ letter, payerPhone, headingLevel = 1 }: { letter: PendingLetter; payerPhone: string; headingLevel?: 1 | 2 }) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const enter = enterPinAction.bind(null, letter.grantId);
  const newLetter = requestNewLetterAction.bind(null, letter.grantId);
  const canAskAgain = letter.lettersLeft > 0;
  const live = letter.state === "live";
  return (
    <section aria-labelledby={`pin-${letter.grantId}`} className="max-w-2xl space-y-5">
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">Tax ID {formatTaxId(letter.taxId)}</p>
        <Heading id={`pin-${letter.grantId}`} className={headingLevel === 1 ? "text-3xl font-bold text-ink" : "text-2xl font-semibold text-ink"}>
          Enter the PIN we mailed to {letter.maskedAddress ?? letter.organizationName}
        </Heading>
      </div>
      {letter.letterDate && letter.expiresAt ? (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 rounded-lg border border-line bg-surface p-4 shadow-sm">
          <dt className="font-semibold">Letter dated</dt>
          <dd>{formatDate(letter.letterDate)}</dd>
          <dt className="font-semibold">{letter.state === "expired" ? "Expired" : "PIN works until"}</dt>
          <dd>{formatDate(letter.expiresAt)}</dd>
        </dl>
      ) : null}

      {live ? (
        <>
          <p className="text-ink">
            Letters usually arrive within 5 to 7 business days. It is addressed to you at the practice&apos;s address on file with us.
          </p>
          <PinEntryForm action={enter} triesLeft={letter.triesLeft} />
        </>
      ) : (
        <Notice tone="warning" title={letter.state === "expired" ? "This letter's PIN has expired." : "This letter no longer works."}>
          <p>
            {letter.state === "expired"
              ? "PINs work for 30 days from the letter date."
              : letter.state === "voided"
                ? "Its PIN was entered wrongly 5 times (or a newer letter replaced it), so for your security it can't be used any more."
                : "No letter has been sent yet."}{" "}
            {canAskAgain ? "Ask for a new letter below." : `You've had the most letters we can send in 30 days: please call us at ${payerPhone} and we'll help you.`}
          </p>
        </Notice>
      )}
      {/* One form in one place whatever the letter's state, so its answer ("a new letter is on its way")
          stays on screen when the page around it changes to the new letter. */}
      {canAskAgain ? (
        <div className={live ? "rounded-lg border border-line bg-surface p-4" : ""}>
          {live ? (
            <p className="mb-3 text-ink">
              <strong>The letter didn&apos;t arrive or got lost?</strong> We can mail a new one; the PIN of this letter then stops working.
            </p>
          ) : null}
          <NewLetterForm action={newLetter} label="Mail me a new letter" variant={live ? "secondary" : "primary"} />
        </div>
      ) : null}

      <p className="text-sm text-muted">
        If you didn&apos;t ask for this, or need help, call us at <span className="whitespace-nowrap font-semibold text-ink">{payerPhone}</span>.
      </p>
    </section>
  );
}
