"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field, FieldErrors, inputClasses } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import { Notice } from "@/components/ui/notice";
import type { RequestAccessField } from "@/lib/billing/request-access-schema";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (state: FormState<RequestAccessField>, formData: FormData) => Promise<FormState<RequestAccessField>>;

export const REQUEST_ACCESS_LABELS: Record<RequestAccessField, string> = {
  providerTaxId: "Provider's Tax ID",
  npis: "NPIs (optional)",
  contactName: "Contact's name",
  contactEmail: "Contact's email",
};

const fieldsetClasses = "mt-6 space-y-5 rounded-lg border border-line bg-surface p-5 shadow-sm first:mt-0";
const legendClasses = "px-1 text-xl font-semibold text-ink";

/** A billing user's request: the provider's Tax ID (and NPIs), and the delegate at the provider's office who approves it. */
export function RequestAccessForm({ action, payerName }: { action: Action; payerName: string }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<RequestAccessField>);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const field = (name: RequestAccessField) => ({ name, label: REQUEST_ACCESS_LABELS[name], defaultValue: values[name], errors: errors[name] });

  return (
    <form action={formAction} noValidate className="max-w-3xl">
      <ErrorSummary state={state} labels={REQUEST_ACCESS_LABELS} />
      {state.data?.help === "find_my_delegate" ? (
        <div className="mb-6">
          <Notice tone="info" title="Not sure who to ask?">
            <p>
              <Link href="/findmydelegate">Find my delegate</Link> tells you whether the provider is registered and shows its delegates&apos; initials and
              masked email addresses. Then ask the provider&apos;s office for the delegate&apos;s email.
            </p>
          </Notice>
        </div>
      ) : null}

      <fieldset className={fieldsetClasses}>
        <legend className={legendClasses}>The provider</legend>
        <Field {...field("providerTaxId")} hint="The provider's 9-digit Tax ID, like 41-2345678: not your billing organization's." inputMode="numeric" autoComplete="off" maxLength={11} required className="max-w-xs" />
        <div>
          <label htmlFor="npis" className="block font-semibold text-ink">
            {REQUEST_ACCESS_LABELS.npis}
          </label>
          <p id="npis-hint" className="text-sm text-muted">
            Leave empty to ask for every NPI under the Tax ID. Or list only the NPIs you bill for, separated by commas or spaces.
          </p>
          <textarea
            id="npis"
            name="npis"
            rows={2}
            maxLength={700}
            defaultValue={values.npis}
            inputMode="numeric"
            aria-invalid={errors.npis ? true : undefined}
            aria-describedby={errors.npis ? "npis-hint npis-error" : "npis-hint"}
            className={`${inputClasses} max-w-md`}
          />
          <FieldErrors id="npis-error" errors={errors.npis} />
        </div>
      </fieldset>

      <fieldset className={fieldsetClasses}>
        <legend className={legendClasses}>Who approves it at the provider&apos;s office</legend>
        <p className="text-ink">
          Name the provider&apos;s portal <strong>delegate</strong>: the person at the provider&apos;s office who manages its {payerName} portal accounts. The
          request must go to a contact at the provider&apos;s office, not to a manager or co-worker at your organization. Not sure who it is? Ask the
          provider&apos;s office, or check <Link href="/findmydelegate">Find my delegate</Link>.
        </p>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field {...field("contactName")} autoComplete="off" maxLength={100} required />
          <Field {...field("contactEmail")} hint="Their work email at the provider's office." type="email" autoComplete="off" maxLength={254} required />
        </div>
      </fieldset>

      <div className="mt-6 flex flex-wrap items-center gap-4">
        <SubmitButton pendingLabel="Sending…">Send the request</SubmitButton>
        <p className="text-sm text-muted">They have 30 days to answer. You&apos;ll get an email when they do.</p>
      </div>
    </form>
  );
}
