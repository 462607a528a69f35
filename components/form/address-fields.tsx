import { US_STATE_CODES } from "@/lib/validation/address";
import { Field, FieldErrors, inputClasses } from "./field";

type AddressField = "addressLine1" | "addressLine2" | "city" | "state" | "postalCode";

/** Street, suite, city, state and ZIP: the address block of every form that asks for one, kept as typed after an error. */
export function AddressFields({
  values,
  errors,
  labels,
  streetHint,
}: {
  values: Partial<Record<string, string>>;
  errors: Partial<Record<string, string[]>>;
  labels: Record<AddressField, string>;
  streetHint?: string;
}) {
  const field = (name: AddressField) => ({ name, label: labels[name], defaultValue: values[name], errors: errors[name] });
  return (
    <>
      <Field {...field("addressLine1")} hint={streetHint} autoComplete="address-line1" maxLength={100} required />
      <Field {...field("addressLine2")} label={`${labels.addressLine2} (optional)`} autoComplete="address-line2" maxLength={100} />
      <div className="grid gap-5 sm:grid-cols-[2fr_1fr_1fr]">
        <Field {...field("city")} autoComplete="address-level2" maxLength={60} required />
        <div>
          <label htmlFor="state" className="block font-semibold text-ink">
            {labels.state}
          </label>
          <select
            id="state"
            name="state"
            defaultValue={values.state ?? ""}
            key={values.state ?? ""}
            autoComplete="address-level1"
            required
            aria-invalid={errors.state ? true : undefined}
            aria-describedby={errors.state ? "state-error" : undefined}
            className={inputClasses}
          >
            <option value="">Choose…</option>
            {US_STATE_CODES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
          <FieldErrors id="state-error" errors={errors.state} />
        </div>
        <Field {...field("postalCode")} inputMode="numeric" autoComplete="postal-code" maxLength={10} required />
      </div>
    </>
  );
}
