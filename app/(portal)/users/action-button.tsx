"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { SubmitButton } from "@/components/form/submit-button";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (state: FormState<"access">, formData: FormData) => Promise<FormState<"access">>;

/**
 * A one-button form (cancel, resend, change role...). With `confirm`, the first press only
 * opens a panel that says what will happen, and focus moves there; the second does it.
 */
export function ActionButton({ action, label, pendingLabel, confirm }: { action: Action; label: string; pendingLabel: string; confirm?: { title: string; body: string; confirmLabel: string } }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<"access">);
  const [asking, setAsking] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (asking) panel.current?.focus();
  }, [asking]);

  return (
    <div className="space-y-2">
      {confirm && !asking ? (
        <button type="button" onClick={() => setAsking(true)} className={buttonClasses("secondary", "text-sm")}>
          {label}
        </button>
      ) : null}
      {confirm && asking ? (
        <div ref={panel} tabIndex={-1} role="group" aria-labelledby={titleId} className="rounded-md border-l-4 border-warning bg-warning-soft p-4">
          <p id={titleId} className="font-semibold text-ink">
            {confirm.title}
          </p>
          <p className="mt-1 text-ink">{confirm.body}</p>
          <form action={formAction} className="mt-3 flex flex-wrap gap-3">
            <SubmitButton pendingLabel={pendingLabel}>{confirm.confirmLabel}</SubmitButton>
            <button type="button" onClick={() => setAsking(false)} className={buttonClasses("secondary")}>
              Keep as is
            </button>
          </form>
        </div>
      ) : null}
      {!confirm ? (
        <form action={formAction}>
          <button type="submit" className={buttonClasses("secondary", "px-3 py-1.5 text-sm")}>
            {label}
          </button>
        </form>
      ) : null}
      {state.message ? (
        <Notice tone={state.ok ? "success" : "danger"} role={state.ok ? "status" : "alert"}>
          <p>{state.message}</p>
        </Notice>
      ) : null}
    </div>
  );
}
