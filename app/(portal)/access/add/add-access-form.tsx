"use client";

import { useActionState, useState } from "react";
import { CheckProofFields } from "@/components/check-proof-fields";
import { ErrorSummary } from "@/components/form/error-summary";
import { TaxIdField } from "@/components/form/identifier-fields";
import { Field, FieldErrors } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import type { AddAccessField } from "@/lib/access/add-access-schema";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (state: FormState<AddAccessField>, formData: FormData) => Promise<FormState<AddAccessField>>;

export const ADD_ACCESS_LABELS: Record<AddAccessField, string> = {
  taxId: "Tax ID",
  document: "What you have",
  checkNumber: "Check number",
  proof: "Which number will you enter from the check?",
  vendorNumber: "Vendor number",
  npi: "NPI",
  noticeNpi: "NPI on the notice",
  noticeNumber: "Notice number",
  submissionId: "Form",
};

const documents = [
  ["check", "A check"],
  ["notice", "A non-payment notice"],
] as const;

/**
 * "Add a Tax ID or NPI": the Tax ID, then a check (its number and vendor number or NPI) or a
 * non-payment notice (its NPI and number). Both sets of fields stay in the form while hidden so
 * that switching back and forth keeps what was typed.
 */
export function AddAccessForm({ action, payerName, submissionId }: { action: Action; payerName: string; submissionId: string }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<AddAccessField>);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const [document, setDocument] = useState<"check" | "notice">(values.document === "notice" ? "notice" : "check");

  return (
    <form action={formAction} noValidate className="max-w-3xl">
      <ErrorSummary state={state} labels={ADD_ACCESS_LABELS} />
      <input type="hidden" name="submissionId" value={submissionId} />

      <div className="space-y-5 rounded-lg border border-line bg-surface p-5 shadow-sm">
        <TaxIdField
          values={values}
          errors={errors}
          hint="The organization's 9-digit federal Tax ID (EIN), like 41-1234567."
        />

        <fieldset aria-describedby={errors.document ? "document-error" : undefined}>
          <legend className="font-semibold text-ink">{`What do you have from ${payerName}?`}</legend>
          <p className="text-sm text-muted">Either one, issued to this Tax ID in the last 12 months.</p>
          <div className="mt-2 flex flex-wrap gap-6">
            {documents.map(([value, label]) => (
              <label key={value} className="flex items-center gap-2">
                {/* defaultChecked: React 19 resets the form after the action (see the check registration form). */}
                <input type="radio" name="document" value={value} defaultChecked={document === value} onChange={() => setDocument(value)} className="h-5 w-5 accent-brand" />
                {label}
              </label>
            ))}
          </div>
          <FieldErrors id="document-error" errors={errors.document} />
        </fieldset>

        <div hidden={document !== "check"} className="space-y-5">
          <CheckProofFields payerName={payerName} values={values} errors={document === "check" ? errors : {}} />
        </div>

        <div hidden={document !== "notice"} className="space-y-5">
          <Field
            name="noticeNpi"
            label="NPI on the notice"
            hint="The 10-digit National Provider Identifier printed on the non-payment notice."
            defaultValue={values.noticeNpi}
            errors={document === "notice" ? errors.noticeNpi : undefined}
            inputMode="numeric"
            autoComplete="off"
            maxLength={12}
            className="max-w-xs"
          />
          <Field
            name="noticeNumber"
            label="Notice number"
            hint={'Include the "NP" in front of the number, like NP4400123.'}
            defaultValue={values.noticeNumber}
            errors={document === "notice" ? errors.noticeNumber : undefined}
            autoComplete="off"
            autoCapitalize="characters"
            maxLength={16}
            className="max-w-xs"
          />
        </div>
      </div>

      <div className="mt-6">
        <SubmitButton pendingLabel="Checking…">Add this Tax ID</SubmitButton>
      </div>
    </form>
  );
}
