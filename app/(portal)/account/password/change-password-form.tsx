"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { PasswordField } from "@/components/form/password-field";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Field = "currentPassword" | "password" | "confirmPassword";
type Action = (state: FormState<Field>, formData: FormData) => Promise<FormState<Field>>;

export function ChangePasswordForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<Field>);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-5">
      <ErrorSummary state={state} labels={{ currentPassword: "Current password", password: "New password", confirmPassword: "New password again" }} />
      <PasswordField name="currentPassword" label="Current password" errors={errors.currentPassword} autoComplete="current-password" maxLength={1024} required />
      <PasswordField
        name="password"
        label="New password"
        hint="At least 12 characters. A short phrase of a few words is easy to remember and hard to guess."
        errors={errors.password}
        autoComplete="new-password"
        maxLength={128}
        required
      />
      <PasswordField name="confirmPassword" label="New password again" errors={errors.confirmPassword} autoComplete="new-password" maxLength={128} required />
      <div className="flex flex-wrap items-center gap-6">
        <SubmitButton pendingLabel="Saving…">Change password</SubmitButton>
        <Link href="/account">Cancel</Link>
      </div>
    </form>
  );
}
