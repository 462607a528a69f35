import { Field, type FieldProps } from "./field";

type IdentifierFieldProps = Omit<FieldProps, "name" | "label" | "defaultValue" | "errors"> & {
  /** The form's values and errors: the field picks its own. */
  values: Partial<Record<string, string>>;
  errors: Partial<Record<string, string[]>>;
  label?: string;
};

/** The Tax ID input every form shares: digits with or without the dash, kept as typed after an error. */
export function TaxIdField({ values, errors, label = "Tax ID", className = "max-w-xs", ...input }: IdentifierFieldProps) {
  return (
    <Field
      name="taxId"
      label={label}
      defaultValue={values.taxId}
      errors={errors.taxId}
      inputMode="numeric"
      autoComplete="off"
      maxLength={11}
      required
      className={className}
      {...input}
    />
  );
}

/** The NPI input every form shares (10 digits; spaces and dashes are allowed and dropped). */
export function NpiField({ values, errors, label = "NPI", className = "max-w-xs", ...input }: IdentifierFieldProps) {
  return <Field name="npi" label={label} defaultValue={values.npi} errors={errors.npi} inputMode="numeric" autoComplete="off" maxLength={12} className={className} {...input} />;
}
