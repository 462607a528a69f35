"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (state: FormState<"sessionId">, formData: FormData) => Promise<FormState<"sessionId">>;

function Submit({ label, pendingLabel, accessibleLabel, primary }: { label: string; pendingLabel: string; accessibleLabel?: string; primary?: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-label={pending ? undefined : accessibleLabel} className={buttonClasses(primary ? "primary" : "secondary", "px-3 py-1.5 text-sm")}>
      {pending ? pendingLabel : label}
    </button>
  );
}

/** "Sign out" for one session, or "Sign out everywhere else" (no session id): the server checks whose session it is. */
export function EndSessionButton({ action, sessionId, label, accessibleLabel, primary }: { action: Action; sessionId?: string; label: string; accessibleLabel?: string; primary?: boolean }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<"sessionId">);
  return (
    <div className="space-y-2">
      <form action={formAction}>
        {sessionId ? <input type="hidden" name="sessionId" value={sessionId} /> : null}
        <Submit label={label} pendingLabel="Signing out…" accessibleLabel={accessibleLabel} primary={primary} />
      </form>
      {state.message ? (
        <Notice tone="danger" role="alert">
          <p>{state.message}</p>
        </Notice>
      ) : null}
    </div>
  );
}
