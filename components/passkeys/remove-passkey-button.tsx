"use client";

import Link from "next/link";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { SubmitButton } from "@/components/form/submit-button";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** "Remove" asks first, in place (focus moves to the question); the answer says what to do next. */
export function RemovePasskeyButton({ action, name }: { action: Action; name: string }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState);
  // The question stays open until the answer to it arrives (a new state).
  const [askedAt, setAskedAt] = useState<FormState | null>(null);
  const asking = askedAt === state;
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (asking) panel.current?.focus();
  }, [asking]);
  const reverify = typeof state.data?.reverify === "string" ? state.data.reverify : null;

  // Fragments: the button sits beside "Rename" in the caller's row; the question and answers take a line of their own.
  return (
    <>
      {asking ? (
        <div ref={panel} tabIndex={-1} role="group" aria-labelledby={titleId} className="order-last w-full rounded-md border-l-4 border-warning bg-warning-soft p-4">
          <p id={titleId} className="font-semibold text-ink">
            Remove the passkey “{name}”?
          </p>
          <p className="mt-1 text-ink">You won&apos;t be able to sign in with it any more. We&apos;ll email you to say it was removed.</p>
          <form action={formAction} className="mt-3 flex flex-wrap gap-3">
            <SubmitButton pendingLabel="Removing…">Yes, remove it</SubmitButton>
            <button type="button" onClick={() => setAskedAt(null)} className={buttonClasses("secondary")}>
              Keep it
            </button>
          </form>
        </div>
      ) : (
        <button type="button" onClick={() => setAskedAt(state)} className={buttonClasses("secondary", "px-3 py-1.5 text-sm")} aria-label={`Remove ${name}`}>
          Remove
        </button>
      )}
      {state.message && !state.ok && !asking ? (
        <div className="order-last w-full">
          <Notice tone="danger" role="alert">
            <p>{state.message}</p>
            {reverify ? (
              <p className="mt-2">
                <Link href={reverify}>Confirm it&apos;s you, then come back here</Link>
              </p>
            ) : null}
          </Notice>
        </div>
      ) : null}
    </>
  );
}
