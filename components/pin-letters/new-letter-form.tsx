"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (state: FormState<never>, formData: FormData) => Promise<FormState<never>>;

function SendButton({ label, variant }: { label: string; variant: "primary" | "secondary" }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClasses(variant)}>
      {pending ? "Requesting a new letter…" : label}
    </button>
  );
}

/** "Mail me a new letter": the answer (sent, or the limit reached) appears above the button. */
export function NewLetterForm({ action, label, variant = "primary" }: { action: Action; label: string; variant?: "primary" | "secondary" }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="space-y-3">
      {state.message ? (
        <Notice tone={state.ok ? "success" : "danger"} role={state.ok ? "status" : "alert"}>
          <p>{state.message}</p>
        </Notice>
      ) : null}
      <SendButton label={label} variant={variant} />
    </form>
  );
}
