"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { LetterTaxIdFields } from "@/components/pin-letters/letter-tax-id-fields";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type AddField = "taxId" | "npi";
type Action = (state: FormState<AddField>, formData: FormData) => Promise<FormState<AddField>>;

export function AddTaxIdByMailForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<AddField>);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="max-w-xl space-y-5">
      <ErrorSummary state={state} labels={{ taxId: "Tax ID", npi: "NPI" }} />
      <LetterTaxIdFields
        values={values}
        errors={errors}
        taxIdNotListed={state.data?.taxIdNotListed === "yes"}
        taxIdHint="The organization's 9-digit federal Tax ID (EIN), like 41-1234567."
      />
      <SubmitButton pendingLabel="Requesting the letter…">Mail the PIN letter</SubmitButton>
    </form>
  );
}
