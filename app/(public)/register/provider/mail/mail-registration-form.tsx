"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { LetterTaxIdFields } from "@/components/pin-letters/letter-tax-id-fields";
import { CreateAccountSection } from "@/components/registration/create-account-section";
import { NotListedLink } from "@/components/registration/not-listed-link";
import { REGISTRANT_FIELD_LABELS } from "@/components/registration/registrant-labels";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import type { MailRegistrationField } from "@/lib/registration/mail-registration-schema";
import { SubmissionIdInput } from "@/components/form/submission-id-input";

type Action = (state: FormState<MailRegistrationField>, formData: FormData) => Promise<FormState<MailRegistrationField>>;

export const MAIL_FIELD_LABELS: Record<MailRegistrationField, string> = {
  taxId: "Tax ID",
  npi: "NPI",
  ...REGISTRANT_FIELD_LABELS,
};

export function MailRegistrationForm({ action, submissionId }: { action: Action; submissionId?: string }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<MailRegistrationField>);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const notListed = state.data?.taxIdNotListed === "yes";

  return (
    <form action={formAction} noValidate className="max-w-3xl">
      <ErrorSummary state={state} labels={MAIL_FIELD_LABELS} />
      <SubmissionIdInput value={submissionId} />

      <fieldset className="space-y-5 rounded-lg border border-line bg-surface p-5 shadow-sm">
        <legend className="px-1 text-xl font-semibold text-ink">Your organization</legend>
        <LetterTaxIdFields
          values={values}
          errors={errors}
          taxIdNotListed={notListed}
          taxIdHint="The organization's 9-digit federal Tax ID (EIN), like 41-1234567. We mail the PIN to the address we have on file for it."
        />
        {/* When the Tax ID was not found, the same link stands right under the field instead. */}
        {notListed ? null : <NotListedLink />}
      </fieldset>

      <CreateAccountSection state={state} submitLabel="Create my account and mail my PIN" />
    </form>
  );
}
