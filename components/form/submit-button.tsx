"use client";

import { useFormStatus } from "react-dom";
import { buttonClasses } from "@/components/ui/button";

/** The form's submit button: disabled while the form is being sent, so a double click sends once. */
export function SubmitButton({ children, pendingLabel, variant = "primary" }: { children: string; pendingLabel: string; variant?: "primary" | "secondary" }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClasses(variant)}>
      {pending ? (
        <>
          <span aria-hidden="true" className={`h-4 w-4 animate-spin rounded-full border-2 border-t-transparent ${variant === "primary" ? "border-white" : "border-brand"}`} />
          {pendingLabel}
        </>
      ) : (
        children
      )}
    </button>
  );
}
