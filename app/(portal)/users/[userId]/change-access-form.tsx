"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/form/submit-button";
import { Notice } from "@/components/ui/notice";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { parseAccessValue } from "@/lib/users/access-form";
import type { AccessChoice, GrantableUnit } from "@/lib/users/delegate-organizations";
import { formatTaxId } from "@/lib/validation/tax-id";
import { AccessPicker } from "../access-picker";

type Action = (state: FormState<"access">, formData: FormData) => Promise<FormState<"access">>;

/**
 * One Tax ID's access for one person: the whole Tax ID or chosen NPIs, or (allowNone, for a
 * billing organization's provider) no access; current null means they have none now.
 */
export function ChangeAccessForm({ action, unit, current, allowNone = false }: { action: Action; unit: GrantableUnit; current: AccessChoice | null; allowNone?: boolean }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<"access">);
  const defaults = parseAccessValue(state.values?.access) ?? (current ? [current] : []);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <AccessPicker id={`access-${unit.key}`} units={[unit]} defaults={defaults} errors={state.fieldErrors?.access} fixed allowNone={allowNone} legend={`What may they see of ${unit.name}${allowNone ? ` (Tax ID ${formatTaxId(unit.taxId)})` : ""}?`} />
      {state.message ? (
        <Notice tone={state.ok ? "success" : "danger"} role={state.ok ? "status" : "alert"}>
          <p>{state.message}</p>
        </Notice>
      ) : null}
      <SubmitButton pendingLabel="Saving…">{allowNone ? `Save access to ${unit.name}` : "Save access"}</SubmitButton>
    </form>
  );
}
