"use client";

import Link from "next/link";
import { useActionState } from "react";
import { CheckProofFields } from "@/components/check-proof-fields";
import { ErrorSummary } from "@/components/form/error-summary";
import { TaxIdField } from "@/components/form/identifier-fields";
import { CreateAccountSection } from "@/components/registration/create-account-section";
import { NotListedLink } from "@/components/registration/not-listed-link";
import { REGISTRANT_FIELD_LABELS } from "@/components/registration/registrant-labels";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import type { CheckRegistrationField } from "@/lib/registration/check-registration-schema";
import { SubmissionIdInput } from "@/components/form/submission-id-input";

type Action = (state: FormState<CheckRegistrationField>, formData: FormData) => Promise<FormState<CheckRegistrationField>>;

export const CHECK_FIELD_LABELS: Record<CheckRegistrationField, string> = {
  taxId: "Tax ID",
  checkNumber: "Check number",
  proof: "Which number will you enter from the check?",
  vendorNumber: "Vendor number",
  npi: "NPI",
  ...REGISTRANT_FIELD_LABELS,
};

const legendClasses = "text-xl font-semibold text-ink";

export function CheckRegistrationForm({ action, payerName, submissionId }: { action: Action; payerName: string; submissionId?: string }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<CheckRegistrationField>);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};

  return (
    <form action={formAction} noValidate className="max-w-3xl">
      <ErrorSummary state={state} labels={CHECK_FIELD_LABELS} />
      <SubmissionIdInput value={submissionId} />

      <fieldset className="space-y-5 rounded-lg border border-line bg-surface p-5 shadow-sm">
        <legend className={`${legendClasses} px-1`}>Your organization and its check</legend>
        <TaxIdField
          values={values}
          errors={errors}
          hint={
            <>
              The organization&apos;s 9-digit federal Tax ID (EIN) that the check was paid to, like 41-1234567. More than one Tax ID and
              can&apos;t tell which one matches the check? <Link href="/register/provider/mail">Register with US Mail</Link> instead.
            </>
          }
        />
        {/* The check number, the vendor-number-or-NPI choice and the picture are shared with /access/add. */}
        <CheckProofFields payerName={payerName} values={values} errors={errors} />
        <NotListedLink />
      </fieldset>

      <CreateAccountSection state={state} />
    </form>
  );
}
