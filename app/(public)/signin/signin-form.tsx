"use client";

import { Suspense, useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field } from "@/components/form/field";
import { PasswordField } from "@/components/form/password-field";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { CallbackUrlInput } from "./signin-notices";

type Field = "email" | "password" | "callbackUrl";
type Action = (state: FormState<Field>, formData: FormData) => Promise<FormState<Field>>;

/** The sign-in form; without a `callbackUrl` it takes the page's own `?callbackUrl=` (read in the browser). */
export function SignInForm({ action, callbackUrl }: { action: Action; callbackUrl?: string }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<Field>);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-5">
      <ErrorSummary state={state} labels={{ email: "Email", password: "Password" }} />
      {callbackUrl === undefined ? (
        <Suspense fallback={<input type="hidden" name="callbackUrl" value="" />}>
          <CallbackUrlInput />
        </Suspense>
      ) : (
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
      )}
      <Field name="email" label="Email" type="email" defaultValue={values.email} errors={errors.email} autoComplete="username" maxLength={254} required />
      <PasswordField name="password" label="Password" errors={errors.password} autoComplete="current-password" maxLength={1024} required />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
