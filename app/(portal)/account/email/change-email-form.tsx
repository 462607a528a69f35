"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field } from "@/components/form/field";
import { PasswordField } from "@/components/form/password-field";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Field = "newEmail" | "currentPassword";
type Action = (state: FormState<Field>, formData: FormData) => Promise<FormState<Field>>;

export function ChangeEmailForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<Field>);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-5">
      <ErrorSummary state={state} labels={{ newEmail: "New email address", currentPassword: "Current password" }} />
      <Field
        name="newEmail"
        label="New email address"
        hint="Your own work address. We'll send it a link to confirm."
        type="email"
        defaultValue={state.values?.newEmail}
        errors={errors.newEmail}
        autoComplete="email"
        maxLength={254}
        required
      />
      <PasswordField name="currentPassword" label="Current password" hint="To make sure it's you." errors={errors.currentPassword} autoComplete="current-password" maxLength={1024} required />
      <div className="flex flex-wrap items-center gap-6">
        <SubmitButton pendingLabel="Sending…">Send a confirmation link</SubmitButton>
        <Link href="/account">Cancel</Link>
      </div>
    </form>
  );
}
