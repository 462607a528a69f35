"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import { FocusOnArrival } from "@/components/ui/focus-on-arrival";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { RecoveryCodeList } from "./recovery-code-list";

type Action = (state: FormState<"code">, formData: FormData) => Promise<FormState<"code">>;

/**
 * A button for a change that needs a recent second step (remove the authenticator, make new
 * recovery codes). When the session's second step is older than 10 minutes, a code field shows
 * with it. New recovery codes, when the action returns them, show here once.
 */
export function ReauthForm({ action, needsCode, label, pendingLabel, id }: { action: Action; needsCode: boolean; label: string; pendingLabel: string; id: string }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<"code">);
  const errors = state.fieldErrors ?? {};
  const showCode = needsCode || state.data?.needsCode === "1";
  const codes = state.ok && Array.isArray(state.data?.recoveryCodes) ? state.data.recoveryCodes : null;
  if (codes) {
    return (
      <FocusOnArrival className="space-y-4">
        <p className="font-semibold text-ink">Your new recovery codes are ready; the old ones no longer work.</p>
        <RecoveryCodeList codes={codes} headingLevel={3} />
      </FocusOnArrival>
    );
  }
  return (
    <form action={formAction} noValidate className="mt-3 space-y-4">
      <ErrorSummary state={state} labels={{ code: "Code" }} />
      {showCode ? (
        <Field
          id={`${id}-code`}
          name="code"
          label="Code from your authenticator app, or a recovery code"
          hint="For your security, confirm it's you before this change."
          errors={errors.code}
          autoComplete="one-time-code"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          maxLength={20}
          className="max-w-sm"
        />
      ) : null}
      <SubmitButton pendingLabel={pendingLabel}>{label}</SubmitButton>
    </form>
  );
}
