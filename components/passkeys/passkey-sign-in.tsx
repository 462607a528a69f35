"use client";

import { browserSupportsWebAuthn, startAuthentication } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { NO_WEBAUTHN_MESSAGE, passkeyErrorMessage } from "./browser-errors";

type Field = "response" | "callbackUrl";
type Action = (state: FormState<Field>, formData: FormData) => Promise<FormState<Field>>;

/**
 * "Use your passkey": the server issues options allowing this account's passkeys, the browser asks
 * the device, the server verifies the answer; then on to where the person was going.
 */
export function PasskeySignIn({ begin, finish, callbackUrl }: { begin: Action; finish: Action; callbackUrl: string }) {
  const router = useRouter();
  const [state, formAction] = useActionState<FormState<Field>, FormData>(async (previous, formData) => {
    if (!browserSupportsWebAuthn()) return { ok: false, message: NO_WEBAUTHN_MESSAGE };
    const begun = await begin(previous, formData);
    const options = begun.data?.options;
    if (!begun.ok || typeof options !== "string") return begun;
    let response;
    try {
      response = await startAuthentication({ optionsJSON: JSON.parse(options) });
    } catch (error) {
      return { ok: false, message: passkeyErrorMessage(error, "use") };
    }
    formData.set("response", JSON.stringify(response));
    const finished = await finish(previous, formData);
    if (finished.ok && typeof finished.data?.next === "string") router.replace(finished.data.next);
    return finished;
  }, initialFormState as FormState<Field>);

  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!state.ok && state.message) alert.current?.focus();
  }, [state]);

  return (
    <form action={formAction} className="space-y-5">
      {!state.ok && state.message ? (
        <div ref={alert} tabIndex={-1} role="alert" className="rounded-md border-l-4 border-danger bg-danger-soft px-4 py-3 text-ink">
          <p className="font-semibold">That didn&apos;t work.</p>
          <p className="mt-1">{state.message}</p>
        </div>
      ) : null}
      {state.ok ? (
        <p role="status" className="text-ink">
          Confirmed. Taking you on…
        </p>
      ) : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <SubmitButton pendingLabel="Waiting for your device…">Use your passkey</SubmitButton>
    </form>
  );
}
