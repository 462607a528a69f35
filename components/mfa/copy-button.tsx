"use client";

import { useState } from "react";

/** Copies a text to the clipboard and says so (politely, for screen readers). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className="rounded-md border border-line px-3 py-1.5 text-sm font-semibold text-ink hover:border-brand hover:text-brand"
        onClick={() => {
          void navigator.clipboard?.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {label}
      </button>
      <span aria-live="polite" className="text-sm text-muted">
        {copied ? "Copied." : ""}
      </span>
    </span>
  );
}
