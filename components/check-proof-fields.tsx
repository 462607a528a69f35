"use client";

import { useState } from "react";
import { CheckIllustration } from "@/components/check-illustration";
import { Field, FieldErrors } from "@/components/form/field";

type CheckProofField = "checkNumber" | "proof" | "vendorNumber" | "npi";

/**
 * The numbers a check proves a practice with: its check number, then the vendor number printed
 * on it or the NPI it was paid to, beside a picture of a check that points at whichever is
 * asked for. Used by "Register with a check" and by "Add a Tax ID or NPI", whose actions parse
 * the same field names.
 */
export function CheckProofFields({
  payerName,
  values,
  errors,
}: {
  payerName: string;
  values: Partial<Record<CheckProofField, string>>;
  errors: Partial<Record<CheckProofField, string[]>>;
}) {
  const [proof, setProof] = useState<"vendor" | "npi">(values.proof === "npi" ? "npi" : "vendor");
  return (
    <>
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
        <CheckIllustration payerName={payerName} highlight={proof} />
      </div>
    </>
  );
}
