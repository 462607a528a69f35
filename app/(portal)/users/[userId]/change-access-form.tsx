"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/form/submit-button";
import { Notice } from "@/components/ui/notice";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { parseAccessValue } from "@/lib/users/access-form";
import type { AccessChoice, DelegateOrganization } from "@/lib/users/delegate-organizations";
import { AccessPicker } from "../access-picker";

type Action = (state: FormState<"access">, formData: FormData) => Promise<FormState<"access">>;

/** One Tax ID's access for one person: the whole Tax ID or chosen NPIs. */
export function ChangeAccessForm({ action, organization, current }: { action: Action; organization: DelegateOrganization; current: AccessChoice }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<"access">);
  const defaults = parseAccessValue(state.values?.access) ?? [current];
  return (
    <form action={formAction} noValidate className="space-y-4">
      <AccessPicker organizations={[organization]} defaults={defaults} errors={state.fieldErrors?.access} fixed legend={`What may they see of ${organization.name}?`} />
      {state.message ? (
        <Notice tone={state.ok ? "success" : "danger"} role={state.ok ? "status" : "alert"}>
          <p>{state.message}</p>
        </Notice>
      ) : null}
      <SubmitButton pendingLabel="Saving…">Save access</SubmitButton>
    </form>
  );
}
