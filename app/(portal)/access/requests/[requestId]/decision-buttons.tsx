"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/form/submit-button";
import { Notice } from "@/components/ui/notice";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (state: FormState<"access">, formData: FormData) => Promise<FormState<"access">>;

/** Approve and Deny: two POST forms. The answer chosen in the email comes first. */
export function DecisionButtons({ approve, deny, preferDeny }: { approve: Action; deny: Action; preferDeny: boolean }) {
  const [approveState, approveAction] = useActionState(approve, initialFormState as FormState<"access">);
  const [denyState, denyAction] = useActionState(deny, initialFormState as FormState<"access">);
  const message = approveState.message ?? denyState.message;
  const buttons = [
    <form key="approve" action={approveAction}>
      <SubmitButton pendingLabel="Approving…" variant={preferDeny ? "secondary" : "primary"}>
        Approve access
      </SubmitButton>
    </form>,
    <form key="deny" action={denyAction}>
      <SubmitButton pendingLabel="Denying…" variant={preferDeny ? "primary" : "secondary"}>
        Deny access
      </SubmitButton>
    </form>,
  ];
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-start gap-4">{preferDeny ? buttons.reverse() : buttons}</div>
      {message ? (
        <Notice tone="danger" role="alert">
          <p>{message}</p>
        </Notice>
      ) : null}
    </div>
  );
}
