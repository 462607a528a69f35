"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { EmailChangeProblem, type EmailChangeProblemReason } from "./email-change-problem";

type Action = (state: FormState<"token">, formData: FormData) => Promise<FormState<"token">>;

/** The link opens this page; the change happens only on the button (a POST), so mail scanners can't use it up. */
export function ConfirmEmailChangeForm({ action, token }: { action: Action; token: string }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<"token">);
  const problem = state.data?.linkProblem;
  if (typeof problem === "string") return <EmailChangeProblem reason={problem as EmailChangeProblemReason} role="alert" />;
  return (
    <form action={formAction}>
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel="Confirming…">Confirm my new email address</SubmitButton>
    </form>
  );
}
