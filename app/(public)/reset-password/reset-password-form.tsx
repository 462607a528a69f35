"use client";

import { useActionState } from "react";
import { ResetLinkProblem, type LinkProblemReason } from "@/components/account/link-problem";
import { ErrorSummary } from "@/components/form/error-summary";
import { PasswordField } from "@/components/form/password-field";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Field = "token" | "password" | "confirmPassword";
type Action = (state: FormState<Field>, formData: FormData) => Promise<FormState<Field>>;

export const NEW_PASSWORD_HINT = "At least 12 characters. A short phrase of a few words is easy to remember and hard to guess.";

export function ResetPasswordForm({ action, token }: { action: Action; token: string }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<Field>);
  const problem = state.data?.linkProblem;
  if (typeof problem === "string") return <ResetLinkProblem reason={problem as LinkProblemReason} role="alert" />;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-5">
      <ErrorSummary state={state} labels={{ password: "New password", confirmPassword: "New password again" }} />
      <input type="hidden" name="token" value={token} />
      <PasswordField name="password" label="New password" hint={NEW_PASSWORD_HINT} errors={errors.password} autoComplete="new-password" maxLength={128} required />
      <PasswordField name="confirmPassword" label="New password again" errors={errors.confirmPassword} autoComplete="new-password" maxLength={128} required />
      <SubmitButton pendingLabel="Saving…">Save my new password</SubmitButton>
    </form>
  );
}
