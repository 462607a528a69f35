"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type CodeField = "code" | "callbackUrl";
type Action = (state: FormState<CodeField>, formData: FormData) => Promise<FormState<CodeField>>;

/** One code and a Continue button: the second step of signing in (authenticator or recovery code). */
export function CodeForm({ action, callbackUrl, kind }: { action: Action; callbackUrl: string; kind: "totp" | "recovery_code" }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<CodeField>);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const totp = kind === "totp";
  const label = totp ? "6-digit code" : "Recovery code";
  return (
    <form action={formAction} noValidate className="space-y-5">
      <ErrorSummary state={state} labels={{ code: label }} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {totp ? (
        <Field
          name="code"
          label={label}
          hint="Open your authenticator app and type the code it shows for the provider portal."
          errors={errors.code}
          defaultValue={values.code}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          className="max-w-xs"
          required
        />
      ) : (
        <Field
          name="code"
          label={label}
          hint="One of the 10 codes you saved when you set up two-step sign-in, like abcd-efgh-jk. Each code works once."
          errors={errors.code}
          defaultValue={values.code}
          autoComplete="off"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          maxLength={20}
          className="max-w-xs"
          required
        />
      )}
      <SubmitButton pendingLabel="Checking…">Continue</SubmitButton>
    </form>
  );
}
