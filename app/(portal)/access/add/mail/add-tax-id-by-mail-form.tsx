"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field } from "@/components/form/field";
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
      <Field
        name="taxId"
        label="Tax ID"
        hint="The organization's 9-digit federal Tax ID (EIN), like 41-1234567."
        defaultValue={values.taxId}
        errors={errors.taxId}
        inputMode="numeric"
        autoComplete="off"
        maxLength={11}
        required
        className="max-w-md"
        after={
          state.data?.taxIdNotListed === "yes" ? (
            <p className="mt-1 text-sm">
              <Link href="/register/provider/not-listed" prefetch={false}>My provider is not listed</Link>: a representative will contact you.
            </p>
          ) : null
        }
      />
      <Field
        name="npi"
        label="NPI (optional)"
        hint="A 10-digit NPI that bills under this Tax ID, if you know one."
        defaultValue={values.npi}
        errors={errors.npi}
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
        className="max-w-xs"
      />
      <SubmitButton pendingLabel="Requesting the letter…">Mail the PIN letter</SubmitButton>
    </form>
  );
}
