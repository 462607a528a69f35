"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { Field } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (state: FormState<"name">, formData: FormData) => Promise<FormState<"name">>;

/** "Rename" opens a one-field form in place; focus goes to the field, and back to the button after. */
export function RenamePasskeyForm({ action, passkeyId, currentName }: { action: Action; passkeyId: string; currentName: string }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<"name">);
  // Open from "Rename" until a rename succeeds (a failed one keeps the form, with its error).
  const [openedAt, setOpenedAt] = useState<FormState<"name"> | null>(null);
  const open = openedAt !== null && (openedAt === state || !state.ok);
  const toggle = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  const fieldId = `rename-${passkeyId}`;

  useEffect(() => {
    if (open) document.getElementById(fieldId)?.focus();
    else if (opened.current) toggle.current?.focus();
    opened.current = open;
  }, [open, fieldId]);

  // Fragments: the buttons sit side by side in the caller's row; forms and answers take a line of their own.
  return (
    <>
      {open ? (
        <form action={formAction} noValidate className="order-first w-full space-y-3">
          <Field
            id={fieldId}
            name="name"
            label={`New name for “${currentName}”`}
            defaultValue={state.values?.name ?? currentName}
            errors={state.fieldErrors?.name}
            maxLength={60}
            autoComplete="off"
            required
          />
          {!state.ok && state.message && !state.fieldErrors ? (
            <Notice tone="danger" role="alert">
              <p>{state.message}</p>
            </Notice>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <SubmitButton pendingLabel="Saving…">Save name</SubmitButton>
            <button type="button" onClick={() => setOpenedAt(null)} className={buttonClasses("secondary")}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button ref={toggle} type="button" onClick={() => setOpenedAt(state)} className={buttonClasses("secondary", "px-3 py-1.5 text-sm")} aria-label={`Rename ${currentName}`}>
          Rename
        </button>
      )}
      {state.ok && state.message && !open ? (
        <div className="order-last w-full">
          <Notice tone="success" role="status">
            <p>{state.message}</p>
          </Notice>
        </div>
      ) : null}
    </>
  );
}
