"use client";

import { useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { LettersState } from "./letters-state";
import "./print-sheets.css";

type Batch = NonNullable<LettersState["batch"]>;

function MailedButton({ count }: { count: number }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name="intent" value="mailBatch" disabled={pending} className={buttonClasses("secondary")}>
      {pending ? "Saving…" : `Mark ${count === 1 ? "this letter" : `these ${count} letters`} mailed`}
    </button>
  );
}

/**
 * The batch just printed: its sheets, one per page on paper, shown in this answer only. Leaving
 * (or reloading) drops them for good, since the letters' sealed PINs were discarded when printed.
 */
export function PrintedBatch({ batch, formAction, onDone }: { batch: Batch; formAction: (formData: FormData) => void; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [batch.id]);
  const count = batch.sheets.length;
  return (
    <section aria-labelledby="batch-heading">
      <div className="mb-6 space-y-4 print:hidden">
        <h2 id="batch-heading" ref={heading} tabIndex={-1} className="text-2xl font-semibold text-ink focus:outline-none">
          {count === 1 ? "1 letter printed" : `${count} letters printed`}: print the sheets now
        </h2>
        <Notice tone="warning" title="The PINs are on this page only, and only now.">
          <p>
            Print the sheets before you leave this page: reloading it or going back to the queue won&apos;t show them again. Each letter prints
            once; a lost or spoiled letter is replaced by a new letter with a new PIN, which the registrant asks for on their PIN page.
          </p>
          {batch.skipped > 0 ? (
            <p className="mt-1">
              {batch.skipped === 1 ? "1 chosen letter was" : `${batch.skipped} chosen letters were`} not printed: someone else printed it first, or it
              was voided or expired.
            </p>
          ) : null}
        </Notice>
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" onClick={() => window.print()} className={buttonClasses("primary")}>
            Print
          </button>
          <form action={formAction}>
            {batch.sheets.map((sheet) => (
              <input key={sheet.letterId} type="hidden" name="batchLetterId" value={sheet.letterId} />
            ))}
            <MailedButton count={count} />
          </form>
          <button type="button" onClick={onDone} className={buttonClasses("link")}>
            Back to the queue
          </button>
        </div>
      </div>
      <div className="pin-sheets">
        {batch.sheets.map((sheet, index) => (
          <article
            key={sheet.letterId}
            aria-label={`Letter ${index + 1} of ${count}: ${sheet.organizationName}, attention ${sheet.registrantName}`}
            className="pin-sheet rounded-md border border-line print:rounded-none print:border-0"
            // The letter as rendered by the React Email template (render-pin-letter.ts), values escaped there.
            dangerouslySetInnerHTML={{ __html: sheet.html }}
          />
        ))}
      </div>
    </section>
  );
}
