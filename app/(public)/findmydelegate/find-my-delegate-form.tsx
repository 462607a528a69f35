"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { NpiField, TaxIdField } from "@/components/form/identifier-fields";
import { SubmitButton } from "@/components/form/submit-button";
import type { FindMyDelegateField } from "@/lib/delegates/find-my-delegate-schema";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { DelegateAnswer } from "./delegate-answer";

type Action = (state: FormState<FindMyDelegateField>, formData: FormData) => Promise<FormState<FindMyDelegateField>>;

const LABELS: Record<FindMyDelegateField, string> = { taxId: "Tax ID", npi: "NPI (optional)" };

/** The lookup form and, under it, its answer (focus moves to the answer). */
export function FindMyDelegateForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<FindMyDelegateField>);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};

  return (
    <div className="max-w-3xl">
      <form action={formAction} noValidate>
        <ErrorSummary state={state} labels={LABELS} />
        <fieldset className="space-y-5 rounded-lg border border-line bg-surface p-5 shadow-sm">
          <legend className="px-1 text-xl font-semibold text-ink">Your organization</legend>
          <TaxIdField values={values} errors={errors} hint="The organization's 9-digit federal Tax ID (EIN), like 41-1234567." />
          <NpiField values={values} errors={errors} label={LABELS.npi} hint="10 digits, if you want to check that it bills under this Tax ID. You can leave it blank." />
          <SubmitButton pendingLabel="Looking it up…">Find my delegate</SubmitButton>
        </fieldset>
      </form>
      {state.ok && state.data ? <DelegateAnswer state={state} /> : null}
    </div>
  );
}
