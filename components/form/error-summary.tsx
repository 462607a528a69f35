"use client";

import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/forms/form-state";

/**
 * The form's answer after a failed submit: its message and a link to each field in error.
 * Focus moves here so keyboard and screen-reader users learn what happened.
 */
export function ErrorSummary<Field extends string>({ state, labels }: { state: FormState<Field>; labels: Partial<Record<Field, string>> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!state.ok && state.message) ref.current?.focus();
  }, [state]);

  if (state.ok || !state.message) return null;
  const fields = Object.entries(state.fieldErrors ?? {}) as Array<[Field, string[] | undefined]>;
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="mb-6 rounded-md border-l-4 border-danger bg-danger-soft px-4 py-3">
      <p id="form-error-title" className="font-semibold text-ink">
        {state.message}
      </p>
      {fields.length > 0 ? (
        <ul className="mt-2 list-disc pl-5">
          {fields.map(([field, errors]) => (
            <li key={field}>
              <a href={`#${field}`} className="text-danger">
                {labels[field] ?? field}: {errors?.[0]}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
