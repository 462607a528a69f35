"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import { buttonClasses } from "@/components/ui/button";
import { FocusOnArrival } from "@/components/ui/focus-on-arrival";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { CopyButton } from "./copy-button";
import { RecoveryCodeList } from "./recovery-code-list";

type EnrollField = "code" | "callbackUrl";
type Action = (state: FormState<EnrollField>, formData: FormData) => Promise<FormState<EnrollField>>;

/**
 * Setting up an authenticator app: scan the QR code (or type the key), then type the first code
 * to prove the app has it. On success the new recovery codes show (once) with a Continue link.
 */
export function AuthenticatorEnrollment({ action, qrSvg, groupedSecret, callbackUrl }: { action: Action; qrSvg: string; groupedSecret: string; callbackUrl: string }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<EnrollField>);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};

  if (state.ok) {
    const codes = Array.isArray(state.data?.recoveryCodes) ? state.data.recoveryCodes : [];
    const next = typeof state.data?.continueHref === "string" ? state.data.continueHref : callbackUrl;
    return (
      <div className="space-y-6">
        <FocusOnArrival>
          <p className="rounded-md border-l-4 border-success bg-success-soft px-4 py-3 font-semibold text-ink">Your authenticator app is set up.</p>
        </FocusOnArrival>
        {codes.length > 0 ? <RecoveryCodeList codes={codes} /> : null}
        <Link href={next} className={buttonClasses("primary")}>
          {codes.length > 0 ? "I have saved my codes: continue" : "Continue"}
        </Link>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <ol className="list-decimal space-y-6 pl-5 text-ink">
        <li>
          <p>Open an authenticator app on your phone (for example Microsoft Authenticator, Google Authenticator or 1Password) and choose to add an account.</p>
        </li>
        <li>
          <p>Scan this QR code with the app.</p>
          <div role="img" aria-label="QR code to scan with your authenticator app" className="mt-3 h-48 w-48 border border-line bg-white p-1" dangerouslySetInnerHTML={{ __html: qrSvg }} />
          <p className="mt-3">Can&apos;t scan it? Type this setup key into the app instead (spaces don&apos;t matter):</p>
          <p className="mt-2 flex flex-wrap items-center gap-3">
            <code id="setup-key" className="rounded bg-canvas px-3 py-2 font-mono text-lg tracking-wide text-ink">
              {groupedSecret}
            </code>
            <CopyButton text={groupedSecret.replace(/\s/g, "")} label="Copy the key" />
          </p>
        </li>
        <li>
          <p>Type the 6-digit code the app now shows, to check it is set up right.</p>
          <form action={formAction} noValidate className="mt-3 space-y-5">
            <ErrorSummary state={state} labels={{ code: "6-digit code" }} />
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <Field
              name="code"
              label="6-digit code"
              errors={errors.code}
              defaultValue={values.code}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]*"
              maxLength={7}
              className="max-w-xs"
              required
            />
            <SubmitButton pendingLabel="Checking…">Turn on the authenticator app</SubmitButton>
          </form>
        </li>
      </ol>
    </div>
  );
}
