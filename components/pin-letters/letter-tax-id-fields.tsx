import Link from "next/link";
import { NpiField, TaxIdField } from "@/components/form/identifier-fields";

/**
 * The Tax ID a PIN letter is for (and an NPI if the person knows one), shared by "Register with
 * US Mail" and "Add a Tax ID by mail". When the Tax ID is not in the records, the way forward is
 * offered right under the field.
 */
export function LetterTaxIdFields({
  values,
  errors,
  taxIdNotListed,
  taxIdHint,
}: {
  values: Partial<Record<"taxId" | "npi", string>>;
  errors: Partial<Record<"taxId" | "npi", string[]>>;
  taxIdNotListed: boolean;
  taxIdHint: string;
}) {
  return (
    <>
      <TaxIdField
        values={values}
        errors={errors}
        hint={taxIdHint}
        className="max-w-md"
        after={
          taxIdNotListed ? (
            <p className="mt-1 text-sm">
              <Link href="/register/provider/not-listed">My provider is not listed</Link>: a representative will contact you.
            </p>
          ) : null
        }
      />
      <NpiField
        values={values}
        errors={errors}
        label="NPI (optional)"
        hint="A 10-digit NPI that bills under this Tax ID, if you know one."
      />
    </>
  );
}
