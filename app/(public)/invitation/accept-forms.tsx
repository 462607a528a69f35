"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field } from "@/components/form/field";
import { PasswordField } from "@/components/form/password-field";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type NewField = "token" | "firstName" | "lastName" | "phone" | "password";
type Action<Field extends string> = (state: FormState<Field>, formData: FormData) => Promise<FormState<Field>>;

const LABELS: Record<NewField, string> = { token: "Invitation link", firstName: "First name", lastName: "Last name", phone: "Work phone", password: "Password" };

/** The invited person's own details: the name comes from the invitation, editable; the email is fixed (the link proved it). */
export function AcceptNewAccountForm({ action, token, firstName, lastName }: { action: Action<NewField>; token: string; firstName: string; lastName: string }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<NewField>);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const retyping = Boolean(state.message) && !state.ok;
  return (
    <form action={formAction} noValidate className="space-y-5 rounded-lg border border-line bg-surface p-5 shadow-sm">
      <ErrorSummary state={state} labels={LABELS} />
      <input type="hidden" name="token" value={token} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field name="firstName" label="First name" defaultValue={values.firstName ?? firstName} errors={errors.firstName} autoComplete="given-name" maxLength={50} required />
        <Field name="lastName" label="Last name" defaultValue={values.lastName ?? lastName} errors={errors.lastName} autoComplete="family-name" maxLength={50} required />
      </div>
      <Field name="phone" label="Work phone" hint="10 digits, like 612-555-0100." type="tel" defaultValue={values.phone} errors={errors.phone} autoComplete="tel-national" maxLength={20} required className="max-w-xs" />
      <PasswordField
        name="password"
        label="Password"
        hint={retyping ? "For your security, please enter your password again. At least 12 characters." : "At least 12 characters. A short phrase of a few words is easy to remember and hard to guess."}
        errors={errors.password}
        autoComplete="new-password"
        maxLength={128}
        required
        className="max-w-md"
      />
      <SubmitButton pendingLabel="Creating your account…">Create my account</SubmitButton>
    </form>
  );
}

export function AcceptSignedInForm({ action, token }: { action: Action<"token">; token: string }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<"token">);
  return (
    <form action={formAction} className="space-y-4">
      <ErrorSummary state={state} labels={{}} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel="Accepting…">Accept the invitation</SubmitButton>
    </form>
  );
}
