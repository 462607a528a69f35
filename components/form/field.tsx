import type { InputHTMLAttributes, ReactNode } from "react";

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id"> {
  name: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  /** Set when the whole form failed because of this field, without a message of its own. */
  invalid?: boolean;
  id?: string;
  after?: ReactNode;
}

export function fieldIds(id: string) {
  return { hint: `${id}-hint`, error: `${id}-error` };
}

export const inputClasses =
  "mt-1 block w-full rounded-md border border-line bg-surface px-3 py-2 text-base text-ink shadow-sm placeholder:text-muted aria-[invalid=true]:border-danger aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-danger";

/**
 * A labelled input with its hint and its errors. The errors are announced (aria-live) and
 * tied to the input (aria-describedby, aria-invalid); the value comes back as defaultValue
 * so nothing typed is lost after a failed submit.
 */
export function Field({ name, label, hint, errors, invalid, id = name, className = "", after, ...input }: FieldProps) {
  const ids = fieldIds(id);
  const hasErrors = Boolean(errors && errors.length > 0);
  const describedBy = [hint ? ids.hint : null, hasErrors ? ids.error : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-semibold text-ink">
        {label}
      </label>
      {hint ? (
        <div id={ids.hint} className="text-sm text-muted">
          {hint}
        </div>
      ) : null}
      <input id={id} name={name} aria-invalid={hasErrors || invalid || undefined} aria-describedby={describedBy} className={inputClasses} {...input} />
      {after}
      <FieldErrors id={ids.error} errors={errors} />
    </div>
  );
}

export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <div id={id} aria-live="polite" aria-atomic="true">
      {errors?.map((error) => (
        <p key={error} className="mt-1 flex gap-1 text-sm font-medium text-danger">
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </p>
      ))}
    </div>
  );
}
