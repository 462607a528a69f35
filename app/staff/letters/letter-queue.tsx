"use client";

import { useActionState, useEffect, useMemo, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { StatusBadge } from "@/components/ui/status-badge";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { lettersAction } from "./actions";
import { STATUS_LABELS, type LetterRow } from "./letter-row";
import { initialLettersState } from "./letters-state";
import { PrintedBatch } from "./printed-batch";

const TONES = { queued: "info", printed: "warning", mailed: "success", redeemed: "success", voided: "danger", expired: "muted" } as const;

function PrintButton({ count }: { count: number }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name="intent" value="print" disabled={pending} className={buttonClasses("primary")}>
      {pending ? "Working…" : count === 0 ? "Print batch" : `Print batch (${count} ${count === 1 ? "letter" : "letters"})`}
    </button>
  );
}

/** The queue with its checkboxes, and in its place the printed batch right after "Print batch". */
export function LetterQueue({ letters }: { letters: LetterRow[] }) {
  const [state, formAction] = useActionState(lettersAction, initialLettersState);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [closedBatch, setClosedBatch] = useState<string | null>(null);
  const message = useRef<HTMLDivElement>(null);
  const queued = useMemo(() => letters.filter((letter) => letter.status === "queued").map((letter) => letter.id), [letters]);
  // Only letters still queued stay chosen (after a print, the printed ones leave the list of choices).
  const chosenQueued = queued.filter((id) => chosen.has(id));
  const allChosen = queued.length > 0 && chosenQueued.length === queued.length;

  useEffect(() => {
    if (state.message) message.current?.focus();
  }, [state]);

  if (state.batch && state.batch.id !== closedBatch) {
    const batchId = state.batch.id;
    return <PrintedBatch batch={state.batch} formAction={formAction} onDone={() => setClosedBatch(batchId)} />;
  }

  const toggle = (id: string, on: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <form action={formAction} aria-labelledby="queue-heading">
      <h2 id="queue-heading" className="mb-3 text-2xl font-semibold text-ink">
        Letters
      </h2>
      {state.message ? (
        <div ref={message} tabIndex={-1} className="mb-4 focus:outline-none">
          <Notice tone={state.ok ? "success" : "danger"} role={state.ok ? "status" : "alert"}>
            <p>{state.message}</p>
          </Notice>
        </div>
      ) : null}
      <div className="mb-4 flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2 font-semibold">
          <input
            type="checkbox"
            className="h-5 w-5"
            checked={allChosen}
            disabled={queued.length === 0}
            onChange={(event) => setChosen(event.target.checked ? new Set(queued) : new Set())}
          />
          Select all queued letters ({queued.length})
        </label>
        <PrintButton count={chosenQueued.length} />
      </div>
      {letters.length === 0 ? (
        <p className="text-muted">No letters here.</p>
      ) : (
        <div role="region" aria-label="Letters, scrolls sideways" tabIndex={0} className="overflow-x-auto rounded-lg border border-line bg-surface">
          <table className="w-full min-w-[56rem] text-left text-sm">
            <thead className="bg-canvas">
              <tr>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Choose</span>
                </th>
                <th scope="col" className="px-3 py-2">Organization</th>
                <th scope="col" className="px-3 py-2">Address of record</th>
                <th scope="col" className="px-3 py-2">Requested by</th>
                <th scope="col" className="px-3 py-2">Requested on</th>
                <th scope="col" className="px-3 py-2">Status</th>
              </tr>
            </thead>
            <tbody>
              {letters.map((letter) => (
                <tr key={letter.id} className="border-t border-line align-top">
                  <td className="px-3 py-2">
                    {letter.status === "queued" ? (
                      <input
                        type="checkbox"
                        name="letterId"
                        value={letter.id}
                        className="h-5 w-5"
                        checked={chosen.has(letter.id)}
                        onChange={(event) => toggle(letter.id, event.target.checked)}
                        aria-label={`Choose the letter to ${letter.organizationName} for ${letter.requestedBy}`}
                      />
                    ) : null}
                  </td>
                  <th scope="row" className="px-3 py-2 font-semibold">
                    {letter.organizationName}
                    <span className="block font-normal text-muted">Tax ID {letter.taxId}</span>
                  </th>
                  <td className="px-3 py-2">
                    {letter.addressLines.map((line) => (
                      <span key={line} className="block">
                        {line}
                      </span>
                    ))}
                  </td>
                  <td className="px-3 py-2">
                    {letter.requestedBy}
                    <span className="block break-all text-muted">{letter.requesterEmail}</span>
                  </td>
                  <td className="px-3 py-2">{letter.requestedOn}</td>
                  <td className="px-3 py-2">
                    <StatusBadge tone={TONES[letter.status]}>{STATUS_LABELS[letter.status]}</StatusBadge>
                    {letter.statusNote ? <span className="mt-1 block text-muted">{letter.statusNote}</span> : null}
                    {letter.status === "printed" ? (
                      <button
                        type="submit"
                        name="mailOne"
                        value={letter.id}
                        className={buttonClasses("secondary", "mt-2 px-3 py-1.5 text-sm")}
                      >
                        Mark mailed<span className="sr-only">: the letter to {letter.organizationName} for {letter.requestedBy}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </form>
  );
}
