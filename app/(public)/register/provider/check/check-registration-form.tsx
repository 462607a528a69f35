"use client";

import { useActionState, useState } from "react";
import { CheckIllustration } from "@/components/check-illustration";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field, FieldErrors } from "@/components/form/field";
import { CreateAccountSection } from "@/components/registration/create-account-section";
import { NotListedLink } from "@/components/registration/not-listed-link";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import type { CheckRegistrationField } from "@/lib/registration/check-registration-schema";

type Action = (state: FormState<CheckRegistrationField>, formData: FormData) => Promise<FormState<CheckRegistrationField>>;

export const CHECK_FIELD_LABELS: Record<CheckRegistrationField, string> = {
  taxId: "Tax ID",
  checkNumber: "Check number",
  proof: "Which number will you enter from the check?",
  vendorNumber: "Vendor number",
  npi: "NPI",
  firstName: "First name",
  lastName: "Last name",
  email: "Work email",
  phone: "Work phone",
  password: "Password",
  submissionId: "Form",
  departedReason: "Why the delegate can't help",
  departedNote: "Anything we should know",
  confirmOwnName: "Your own name",
};

const legendClasses = "text-xl font-semibold text-ink";

export function CheckRegistrationForm({ action, payerName, submissionId }: { action: Action; payerName: string; submissionId: string }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<CheckRegistrationField>);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const [proof, setProof] = useState(values.proof === "npi" ? "npi" : "vendor");

  return (
    <form action={formAction} noValidate className="max-w-3xl">
      <ErrorSummary state={state} labels={CHECK_FIELD_LABELS} />
      <input type="hidden" name="submissionId" value={submissionId} />

      <fieldset className="space-y-5 rounded-lg border border-line bg-surface p-5 shadow-sm">
        <legend className={`${legendClasses} px-1`}>Your organization and its check</legend>
        <Field
          name="taxId"
          label="Tax ID"
          hint="The organization's 9-digit federal Tax ID (EIN) that the check was paid to, like 41-1234567."
          defaultValue={values.taxId}
          errors={errors.taxId}
          inputMode="numeric"
          autoComplete="off"
          maxLength={11}
          required
          className="max-w-xs"
        />
        <Field
          name="checkNumber"
          label="Check number"
          hint={`Printed at the top right of the check (A in the picture). Use a ${payerName} check issued in the last 12 months.`}
          defaultValue={values.checkNumber}
          errors={errors.checkNumber}
          inputMode="numeric"
          autoComplete="off"
          maxLength={13}
          required
          className="max-w-xs"
        />

        <fieldset aria-describedby={errors.proof ? "proof-error" : undefined}>
          <legend className="font-semibold text-ink">Which number will you enter from the check?</legend>
          <p className="text-sm text-muted">If you can&apos;t find the vendor number, you can use the NPI the check was paid to instead.</p>
          <div className="mt-2 flex flex-wrap gap-6">
            {(
              [
                ["vendor", "Vendor number"],
                ["npi", "NPI"],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex items-center gap-2">
                {/* defaultChecked, not checked: React 19 resets the form after the action, and a reset puts a controlled
                    radio back to its first value while the state (and the field shown) stays on the choice made. */}
                <input type="radio" name="proof" value={value} defaultChecked={proof === value} onChange={() => setProof(value)} className="h-5 w-5 accent-brand" />
                {label}
              </label>
            ))}
          </div>
          <FieldErrors id="proof-error" errors={errors.proof} />
        </fieldset>

        <div className="grid gap-5 md:grid-cols-[1fr_1.4fr] md:items-start">
          <div>
            <div hidden={proof !== "vendor"}>
              <Field
                name="vendorNumber"
                label="Vendor number"
                hint="Printed under our address on the check, after “Vendor No.” (B in the picture)."
                defaultValue={values.vendorNumber}
                errors={proof === "vendor" ? errors.vendorNumber : undefined}
                inputMode="numeric"
                autoComplete="off"
                maxLength={12}
              />
            </div>
            <div hidden={proof !== "npi"}>
              <Field
                name="npi"
                label="NPI"
                hint="The 10-digit National Provider Identifier the check was paid to."
                defaultValue={values.npi}
                errors={proof === "npi" ? errors.npi : undefined}
                inputMode="numeric"
                autoComplete="off"
                maxLength={12}
              />
            </div>
          </div>
          <CheckIllustration payerName={payerName} />
        </div>
        <NotListedLink />
      </fieldset>

      <CreateAccountSection state={state} />
    </form>
  );
}
