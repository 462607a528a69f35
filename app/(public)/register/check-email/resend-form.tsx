"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/form/submit-button";
import { Notice } from "@/components/ui/notice";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (state: FormState<never>, formData: FormData) => Promise<FormState<never>>;

/** "Send it again": the answer (sent, or when to try again) is announced where the button is. */
export function ResendForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="mt-4 space-y-4" aria-label="Send the email again">
      <div aria-live="polite">
        {state.message ? (
          <Notice tone={state.ok ? "success" : "warning"} role={state.ok ? "status" : "alert"}>
            <p>{state.message}</p>
          </Notice>
        ) : null}
      </div>
      <SubmitButton variant="secondary" pendingLabel="Sending…">
        Send it again
      </SubmitButton>
    </form>
  );
}
