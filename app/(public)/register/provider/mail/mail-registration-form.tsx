"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import { AboutYouFieldset } from "@/components/registration/about-you-fieldset";
import { RegistrationQuestions } from "@/components/registration/registration-questions";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import type { MailRegistrationField } from "@/lib/registration/mail-registration-schema";

type Action = (state: FormState<MailRegistrationField>, formData: FormData) => Promise<FormState<MailRegistrationField>>;

export const MAIL_FIELD_LABELS: Record<MailRegistrationField, string> = {
  taxId: "Tax ID",
  npi: "NPI",
  firstName: "First name",
  lastName: "Last name",
  email: "Work email",
  phone: "Work phone",
  password: "Password",
  submissionId: "Form",
  departedReason: "Why the delegate can't help",
  departedNote: "Anything we should know",
  confirmOwnName: "Your own name",
};

export function MailRegistrationForm({ action, submissionId }: { action: Action; submissionId: string }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<MailRegistrationField>);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const retyping = Boolean(state.message) && !state.ok;
  const notListed = state.data?.taxIdNotListed === "yes";

  return (
    <form action={formAction} noValidate className="max-w-3xl">
      <ErrorSummary state={state} labels={MAIL_FIELD_LABELS} />
      <input type="hidden" name="submissionId" value={submissionId} />

      <fieldset className="space-y-5 rounded-lg border border-line bg-surface p-5 shadow-sm">
        <legend className="px-1 text-xl font-semibold text-ink">Your organization</legend>
        <Field
          name="taxId"
          label="Tax ID"
          hint="The organization's 9-digit federal Tax ID (EIN), like 41-1234567. We mail the PIN to the address we have on file for it."
          defaultValue={values.taxId}
          errors={errors.taxId}
          inputMode="numeric"
          autoComplete="off"
          maxLength={11}
          required
          className="max-w-md"
          after={
            notListed ? (
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
      </fieldset>

      <AboutYouFieldset values={values} errors={errors} retyping={retyping} />
      <RegistrationQuestions state={state} />

      <div className="mt-6 flex flex-wrap items-center gap-4">
        <SubmitButton pendingLabel="Creating your account…">Create my account and mail my PIN</SubmitButton>
        <p className="text-sm text-muted">By creating an account you agree to use it only yourself.</p>
      </div>
    </form>
  );
}
