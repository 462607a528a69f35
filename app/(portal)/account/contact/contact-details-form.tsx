"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Field = "firstName" | "lastName" | "phone";
type Action = (state: FormState<Field>, formData: FormData) => Promise<FormState<Field>>;

export function ContactDetailsForm({ action, current }: { action: Action; current: Record<Field, string> }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<Field>);
  const values = { ...current, ...state.values };
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-5">
      <ErrorSummary state={state} labels={{ firstName: "First name", lastName: "Last name", phone: "Work phone" }} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field name="firstName" label="First name" defaultValue={values.firstName} errors={errors.firstName} autoComplete="given-name" maxLength={50} required />
        <Field name="lastName" label="Last name" defaultValue={values.lastName} errors={errors.lastName} autoComplete="family-name" maxLength={50} required />
      </div>
      <Field name="phone" label="Work phone" hint="10 digits, like 612-555-0100." type="tel" defaultValue={values.phone} errors={errors.phone} autoComplete="tel-national" maxLength={20} required className="max-w-xs" />
      <div className="flex flex-wrap items-center gap-6">
        <SubmitButton pendingLabel="Saving…">Save contact details</SubmitButton>
        <Link href="/account">Cancel</Link>
      </div>
    </form>
  );
}
