"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { AddressFields } from "@/components/form/address-fields";
import { Field, FieldErrors, inputClasses } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import type { NotListedField } from "@/lib/cases/not-listed-schema";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { SubmissionIdInput } from "@/components/form/submission-id-input";

type Action = (state: FormState<NotListedField>, formData: FormData) => Promise<FormState<NotListedField>>;

export const NOT_LISTED_LABELS: Record<NotListedField, string> = {
  organizationName: "Provider or organization name",
  taxId: "Tax ID",
  npi: "NPI",
  addressLine1: "Street address",
  addressLine2: "Suite, floor or building",
  city: "City",
  state: "State",
  postalCode: "ZIP code",
  practicePhone: "Practice phone",
  firstName: "Your first name",
  lastName: "Your last name",
  email: "Your work email",
  phone: "Your work phone",
  message: "How can we help?",
  submissionId: "Form",
};

const fieldsetClasses = "mt-6 space-y-5 rounded-lg border border-line bg-surface p-5 shadow-sm first:mt-0";
const legendClasses = "px-1 text-xl font-semibold text-ink";

/** "My provider is not listed": the practice, the person asking, and what they need. Opens a case. */
export function NotListedForm({ action, submissionId }: { action: Action; submissionId?: string }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<NotListedField>);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const field = (name: NotListedField) => ({ name, label: NOT_LISTED_LABELS[name], defaultValue: values[name], errors: errors[name] });

  return (
    <form action={formAction} noValidate className="max-w-3xl">
      <ErrorSummary state={state} labels={NOT_LISTED_LABELS} />
      <SubmissionIdInput value={submissionId} />

      <fieldset className={fieldsetClasses}>
        <legend className={legendClasses}>The provider</legend>
        <Field {...field("organizationName")} hint="As it appears on claims, like Maple Grove Family Medicine." autoComplete="organization" maxLength={120} required />
        <div className="grid gap-5 sm:grid-cols-2">
          <Field {...field("taxId")} hint="9 digits, like 41-1234567." inputMode="numeric" autoComplete="off" maxLength={11} required />
          <Field {...field("npi")} label="NPI (optional)" hint="10 digits, if you know it." inputMode="numeric" autoComplete="off" maxLength={12} />
        </div>
        <AddressFields values={values} errors={errors} labels={NOT_LISTED_LABELS} streetHint="Where the practice sees patients." />
        <Field {...field("practicePhone")} hint="The number a representative can call, like 612-555-0100." type="tel" autoComplete="off" maxLength={20} required className="max-w-xs" />
      </fieldset>

      <fieldset className={fieldsetClasses}>
        <legend className={legendClasses}>About you</legend>
        <p className="text-ink">
          Enter <strong>your own</strong> name and contact details: a representative will contact you.
        </p>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field {...field("firstName")} autoComplete="given-name" maxLength={50} required />
          <Field {...field("lastName")} autoComplete="family-name" maxLength={50} required />
        </div>
        <Field {...field("email")} hint="We'll send your case number to this address." type="email" autoComplete="email" maxLength={254} required className="max-w-md" />
        <Field {...field("phone")} hint="10 digits, like 612-555-0100." type="tel" autoComplete="tel-national" maxLength={20} required className="max-w-xs" />
        <div>
          <label htmlFor="message" className="block font-semibold text-ink">
            How can we help?
          </label>
          <p id="message-hint" className="text-sm text-muted">
            For example: the provider is new, has moved, or you couldn&apos;t match its Tax ID and NPI.
          </p>
          <textarea
            id="message"
            name="message"
            rows={4}
            maxLength={2000}
            defaultValue={values.message}
            required
            aria-invalid={errors.message ? true : undefined}
            aria-describedby={errors.message ? "message-hint message-error" : "message-hint"}
            className={inputClasses}
          />
          <FieldErrors id="message-error" errors={errors.message} />
        </div>
      </fieldset>

      <div className="mt-6">
        <SubmitButton pendingLabel="Sending…">Send to a representative</SubmitButton>
      </div>
    </form>
  );
}
