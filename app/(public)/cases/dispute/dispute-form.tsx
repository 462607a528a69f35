"use client";

import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { FieldErrors, inputClasses } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import { Notice } from "@/components/ui/notice";
import type { DisputeField } from "@/lib/cases/dispute-schema";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (state: FormState<DisputeField>, formData: FormData) => Promise<FormState<DisputeField>>;

const labels: Record<DisputeField, string> = { token: "Link", message: "Message" };

/** A POST button, so that opening the emailed link (or a mail scanner following it) changes nothing. */
export function DisputeForm({ action, token }: { action: Action; token: string }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<DisputeField>);
  const done = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.ok) done.current?.focus();
  }, [state]);

  if (state.ok) {
    return (
      <div ref={done} tabIndex={-1} role="status">
        <Notice tone="success" title={`Your case number is ${state.data?.caseNumber}`}>
          <p>{state.message} Please have your case number ready.</p>
        </Notice>
      </div>
    );
  }
  const errors = state.fieldErrors ?? {};
  const linkUnusable = Boolean(state.data?.linkProblem);
  return (
    <form action={formAction} className="max-w-2xl space-y-5">
      <ErrorSummary state={state} labels={labels} />
      <input type="hidden" name="token" value={token} />
      {linkUnusable ? null : (
        <>
          <div>
            <label htmlFor="message" className="block font-semibold text-ink">
              Anything we should know? <span className="font-normal text-muted">(optional)</span>
            </label>
            <p id="message-hint" className="text-sm text-muted">
              For example: you still work there and can create accounts for co-workers.
            </p>
            <textarea
              id="message"
              name="message"
              rows={3}
              maxLength={1000}
              defaultValue={state.values?.message}
              aria-invalid={errors.message ? true : undefined}
              aria-describedby={errors.message ? "message-hint message-error" : "message-hint"}
              className={inputClasses}
            />
            <FieldErrors id="message-error" errors={errors.message} />
          </div>
          <SubmitButton pendingLabel="Sending…">Tell us this is wrong</SubmitButton>
        </>
      )}
    </form>
  );
}
