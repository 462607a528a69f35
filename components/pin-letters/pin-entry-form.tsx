"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (state: FormState<"pin">, formData: FormData) => Promise<FormState<"pin">>;

/** The PIN from the letter. Never echoed back after a wrong entry. */
export function PinEntryForm({ action, triesLeft }: { action: Action; triesLeft: number }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<"pin">);
  return (
    <form action={formAction} noValidate className="max-w-md">
      <ErrorSummary state={state} labels={{ pin: "PIN" }} />
      <Field
        name="pin"
        label="PIN from the letter"
        hint={`8 letters and numbers, like ABCD-EFGH. Capital or small letters and the dash don't matter. ${triesLeft} ${triesLeft === 1 ? "try" : "tries"} left on this letter.`}
        errors={state.fieldErrors?.pin}
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={20}
        required
        className="[&_input]:font-mono [&_input]:uppercase [&_input]:tracking-widest"
      />
      <div className="mt-4">
        <SubmitButton pendingLabel="Checking the PIN…">Confirm PIN</SubmitButton>
      </div>
    </form>
  );
}
