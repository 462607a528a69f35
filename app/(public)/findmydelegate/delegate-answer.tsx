"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/forms/form-state";

/**
 * The answer to a lookup, under the form. Focus moves here on every new answer (the state object
 * changes with each submit), so keyboard and screen-reader users start from what was found.
 */
export function DelegateAnswer({ state }: { state: FormState }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [state]);

  const data = state.data ?? {};
  const taxId = String(data.taxId ?? "");
  const delegates = Array.isArray(data.delegates) ? data.delegates : [];
  const registered = data.answer === "registered";
  const title = registered ? `${String(data.organizationName ?? `Tax ID ${taxId}`)} is registered` : `Tax ID ${taxId} is not registered`;

  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby="delegate-answer-title"
      className={`mt-8 rounded-lg border-l-4 px-5 py-4 text-ink ${registered ? "border-success bg-success-soft" : "border-brand bg-brand-soft"}`}
    >
      <h2 id="delegate-answer-title" className="text-2xl font-semibold">
        {title}
      </h2>
      {registered ? (
        <>
          <p className="mt-2">
            {delegates.length === 1 ? `Tax ID ${taxId} has one delegate in the portal:` : `Tax ID ${taxId} has ${delegates.length} delegates in the portal:`}
          </p>
          <ul className="mt-2 list-disc space-y-1 pl-6 font-semibold" aria-label="Delegates">
            {delegates.map((delegate) => (
              <li key={delegate}>{delegate}</li>
            ))}
          </ul>
          <p className="mt-2 text-sm text-muted">For their privacy, we show only initials and the first letter of the email address.</p>
          <h3 className="mt-4 text-lg font-semibold">What to do next</h3>
          <ul className="mt-2 list-disc space-y-2 pl-6">
            <li>
              <strong>If you work for the provider</strong>, ask {delegates.length === 1 ? "the delegate" : "one of the delegates"} to create an account for you. Each person needs
              an account in their own name.
            </li>
            <li>
              <strong>If you work for a billing service</strong>, you don&apos;t need an account from the provider: billing services register on their own.{" "}
              <Link href="/register">Register your billing service</Link>
            </li>
            <li>
              <strong>If {delegates.length === 1 ? "the delegate has" : "the delegates have"} left</strong> your organization, go ahead and{" "}
              <Link href="/register">register anyway</Link>: you&apos;ll be asked why they can&apos;t help.
            </li>
          </ul>
        </>
      ) : (
        <>
          <p className="mt-2">
            Nobody has registered this organization in the portal yet, so it has no delegate to ask. The first person to register becomes its delegate and can then
            create accounts for the others.
          </p>
          <p className="mt-3">
            <Link href="/register" className="font-semibold">
              Register your organization
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
