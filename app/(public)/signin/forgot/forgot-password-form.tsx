"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (state: FormState<"email">, formData: FormData) => Promise<FormState<"email">>;

export function ForgotPasswordForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<"email">);
  return (
    <form action={formAction} noValidate className="space-y-5">
      <ErrorSummary state={state} labels={{ email: "Email" }} />
      <Field
        name="email"
        label="Email"
        hint="The address you sign in with."
        type="email"
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
        autoComplete="username"
        maxLength={254}
        required
      />
      <SubmitButton pendingLabel="Sending…">Email me a link</SubmitButton>
    </form>
  );
}
