"use client";

import { useActionState, useId } from "react";
import { FieldErrors, inputClasses } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import { Notice } from "@/components/ui/notice";
import { initialFormState } from "@/lib/forms/form-state";
import type { CaseFormField, CaseFormState } from "./actions";

type Action = (state: CaseFormState, formData: FormData) => Promise<CaseFormState>;

function Outcome({ state }: { state: CaseFormState }) {
  if (!state.message) return null;
  return (
    <div className="mt-3">
      <Notice tone={state.ok ? "success" : "danger"} role={state.ok ? "status" : "alert"}>
        {state.message}
      </Notice>
    </div>
  );
}

/** A note, a reply or a resolution: one labelled text box and its button. */
export function CaseTextForm({
  action,
  name,
  label,
  hint,
  submitLabel,
  pendingLabel,
  required = true,
  rows = 4,
}: {
  action: Action;
  name: Extract<CaseFormField, "body" | "message" | "note">;
  label: string;
  hint?: string;
  submitLabel: string;
  pendingLabel: string;
  required?: boolean;
  rows?: number;
}) {
  const [state, formAction] = useActionState(action, initialFormState as CaseFormState);
  const id = useId();
  const errors = state.fieldErrors?.[name];
  const describedBy = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <form action={formAction} noValidate>
      <label htmlFor={id} className="block font-semibold text-ink">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={4000}
        required={required}
        defaultValue={state.ok ? "" : state.values?.[name]}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy}
        className={inputClasses}
      />
      <FieldErrors id={`${id}-error`} errors={errors} />
      <div className="mt-3">
        <SubmitButton pendingLabel={pendingLabel}>{submitLabel}</SubmitButton>
      </div>
      <Outcome state={state.fieldErrors ? { ok: false } : state} />
    </form>
  );
}

/** One button that does one thing (assign to me, grant access), with its answer below it. */
export function CaseButtonForm({ action, label, pendingLabel, variant = "primary", children }: { action: Action; label: string; pendingLabel: string; variant?: "primary" | "secondary"; children?: React.ReactNode }) {
  const [state, formAction] = useActionState(action, initialFormState as CaseFormState);
  return (
    <form action={formAction}>
      {children}
      <SubmitButton pendingLabel={pendingLabel} variant={variant}>
        {label}
      </SubmitButton>
      <Outcome state={state} />
    </form>
  );
}

/** A departed-delegate review: choose the delegate who left and deactivate them in one step. */
export function DeactivateDelegateForm({ action, delegates }: { action: Action; delegates: { userId: string; name: string; email: string }[] }) {
  const [state, formAction] = useActionState(action, initialFormState as CaseFormState);
  const errors = state.fieldErrors?.delegateUserId;
  return (
    <form action={formAction} noValidate>
      <fieldset aria-describedby={errors ? "delegateUserId-error" : undefined}>
        <legend className="font-semibold text-ink">The delegate who left</legend>
        <div className="mt-2 space-y-2">
          {delegates.map((delegate, index) => (
            <label key={delegate.userId} className="flex items-start gap-3">
              <input type="radio" name="delegateUserId" value={delegate.userId} defaultChecked={delegates.length === 1 && index === 0} className="mt-1.5 h-4 w-4" />
              <span>
                {delegate.name} <span className="break-all text-muted">({delegate.email})</span>
              </span>
            </label>
          ))}
        </div>
        <FieldErrors id="delegateUserId-error" errors={errors} />
      </fieldset>
      <p className="mt-3 text-sm text-muted">Their membership and access for this Tax ID end, they are signed out everywhere, and their account is deactivated if they belong to no other organization.</p>
      <div className="mt-3">
        <SubmitButton pendingLabel="Deactivating…">Deactivate the old delegate</SubmitButton>
      </div>
      <Outcome state={state.fieldErrors ? { ok: false } : state} />
    </form>
  );
}
