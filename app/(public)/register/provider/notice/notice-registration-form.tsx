"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { NpiField, TaxIdField } from "@/components/form/identifier-fields";
import { Field } from "@/components/form/field";
import { CreateAccountSection } from "@/components/registration/create-account-section";
import { NotListedLink } from "@/components/registration/not-listed-link";
import { REGISTRANT_FIELD_LABELS } from "@/components/registration/registrant-labels";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import type { NoticeRegistrationField } from "@/lib/registration/notice-registration-schema";
import { SubmissionIdInput } from "@/components/form/submission-id-input";

type Action = (state: FormState<NoticeRegistrationField>, formData: FormData) => Promise<FormState<NoticeRegistrationField>>;

export const NOTICE_FIELD_LABELS: Record<NoticeRegistrationField, string> = {
  taxId: "Tax ID",
  npi: "NPI",
  noticeNumber: "Notice number",
  ...REGISTRANT_FIELD_LABELS,
};

/** Register with a non-payment notice: the Tax ID, NPI and number from the notice, then the person's own details. */
export function NoticeRegistrationForm({ action, payerName, submissionId }: { action: Action; payerName: string; submissionId?: string }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<NoticeRegistrationField>);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};

  return (
    <form action={formAction} noValidate className="max-w-3xl">
      <ErrorSummary state={state} labels={NOTICE_FIELD_LABELS} />
      <SubmissionIdInput value={submissionId} />

      <fieldset className="space-y-5 rounded-lg border border-line bg-surface p-5 shadow-sm">
        <legend className="px-1 text-xl font-semibold text-ink">Your organization and its notice</legend>
        <div id="notice-layout" className="rounded-md border border-line bg-canvas px-4 py-3 text-ink">
          <p className="font-semibold">Where to find the numbers on the notice</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            <li>
              The <strong>notice number</strong> is printed at the top right of the first page, next to &ldquo;Notice No.&rdquo;, under the
              notice date. It starts with the letters NP, like <strong>NP4400123</strong>.
            </li>
            <li>The <strong>Tax ID</strong> and the <strong>NPI</strong> are in the &ldquo;Provider&rdquo; box on the left, under the practice&apos;s address.</li>
          </ul>
        </div>
        <TaxIdField
          values={values}
          errors={errors}
          hint="The organization's 9-digit federal Tax ID (EIN) the notice was issued to, like 41-1234567."
        />
        <NpiField
          values={values}
          errors={errors}
          hint="The 10-digit National Provider Identifier printed on the notice."
          required
        />
        <Field
          name="noticeNumber"
          label="Notice number"
          hint={`Include the NP in front of the number, like NP4400123. Use a ${payerName} non-payment notice dated in the last 12 months.`}
          defaultValue={values.noticeNumber}
          errors={errors.noticeNumber}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          required
          className="max-w-xs"
        />
        <NotListedLink />
      </fieldset>

      <CreateAccountSection state={state} />
    </form>
  );
}
