"use client";

import Link from "next/link";
import { useActionState } from "react";
import { SubmitButton } from "@/components/form/submit-button";
import { Notice } from "@/components/ui/notice";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (state: FormState<"token">, formData: FormData) => Promise<FormState<"token">>;

/**
 * The link in the email opens this page; the token is used only when the person presses the
 * button (a POST), so mail scanners that open links can't use it up.
 */
export function ConfirmEmailForm({ action, token }: { action: Action; token: string }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<"token">);
  if (!state.ok && state.message) {
    return (
      <div className="space-y-4">
        <Notice tone="danger" role="alert" title="We couldn't confirm your email address">
          <p>{state.message}</p>
        </Notice>
        <p>
          <Link href="/signin">Go to sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction}>
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel="Confirming…">Confirm my email address</SubmitButton>
    </form>
  );
}
