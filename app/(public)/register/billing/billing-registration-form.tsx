"use client";

import { useActionState } from "react";
import { AddressFields } from "@/components/form/address-fields";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field } from "@/components/form/field";
import { TaxIdField } from "@/components/form/identifier-fields";
import { CreateAccountSection } from "@/components/registration/create-account-section";
import { REGISTRANT_FIELD_LABELS } from "@/components/registration/registrant-labels";
import type { BillingRegistrationField } from "@/lib/billing/billing-registration-schema";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { SubmissionIdInput } from "@/components/form/submission-id-input";

type Action = (state: FormState<BillingRegistrationField>, formData: FormData) => Promise<FormState<BillingRegistrationField>>;

export const BILLING_FIELD_LABELS: Record<BillingRegistrationField, string> = {
  organizationName: "Billing organization name",
  taxId: "Your billing organization's Tax ID",
  addressLine1: "Street address",
  addressLine2: "Suite, floor or building",
  city: "City",
  state: "State",
  postalCode: "ZIP code",
  ...REGISTRANT_FIELD_LABELS,
};

/** Register a billing organization: the organization (its own Tax ID and address), then the person's own details. */
export function BillingRegistrationForm({ action, submissionId }: { action: Action; submissionId?: string }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<BillingRegistrationField>);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};

  return (
    <form action={formAction} noValidate className="max-w-3xl">
      <ErrorSummary state={state} labels={BILLING_FIELD_LABELS} />
      <SubmissionIdInput value={submissionId} />

      <fieldset className="space-y-5 rounded-lg border border-line bg-surface p-5 shadow-sm">
        <legend className="px-1 text-xl font-semibold text-ink">Your billing organization</legend>
        <Field
          name="organizationName"
          label={BILLING_FIELD_LABELS.organizationName}
          defaultValue={values.organizationName}
          errors={errors.organizationName}
          autoComplete="organization"
          maxLength={120}
          required
        />
        <TaxIdField
          values={values}
          errors={errors}
          label={BILLING_FIELD_LABELS.taxId}
          hint={
            <>
              Your billing organization&apos;s own 9-digit federal Tax ID (EIN), like 41-9876543. <strong>Not a provider&apos;s Tax ID:</strong> you ask
              each provider for access after creating your account.
            </>
          }
        />
        <AddressFields values={values} errors={errors} labels={BILLING_FIELD_LABELS} streetHint="Your billing organization's office." />
      </fieldset>

      <CreateAccountSection state={state} />
    </form>
  );
}
