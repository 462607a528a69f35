"use client";

import { useState } from "react";
import { Field, type FieldProps } from "./field";

/** A password input with a "Show" button, so people can check what they typed (no confirm field needed). */
export function PasswordField(props: Omit<FieldProps, "type" | "after">) {
  const [visible, setVisible] = useState(false);
  const id = props.id ?? props.name;
  return (
    <div className="relative">
      <Field {...props} type={visible ? "text" : "password"} autoCapitalize="none" autoCorrect="off" spellCheck={false} />
      <button
        type="button"
        onClick={() => setVisible((shown) => !shown)}
        aria-controls={id}
        aria-pressed={visible}
        className="mt-2 text-sm font-medium text-brand underline underline-offset-2 hover:text-brand-strong"
      >
        {visible ? "Hide password" : "Show password"}
      </button>
    </div>
  );
}
