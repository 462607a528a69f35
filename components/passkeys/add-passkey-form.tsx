"use client";

import { browserSupportsWebAuthn, startRegistration } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import { RecoveryCodeList } from "@/components/mfa/recovery-code-list";
import { Notice } from "@/components/ui/notice";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { NO_WEBAUTHN_MESSAGE, passkeyErrorMessage } from "./browser-errors";

type AddField = "name" | "response" | "callbackUrl";
type Action = (state: FormState<AddField>, formData: FormData) => Promise<FormState<AddField>>;

/**
 * Names a new passkey and makes it: the server checks the name and issues options, the browser
 * asks the device (fingerprint, face, PIN), the server verifies the answer and saves the passkey.
 * The whole ceremony is one pending submit, so a double click makes one passkey.
 */
export function AddPasskeyForm({ begin, finish, callbackUrl }: { begin: Action; finish: Action; callbackUrl?: string }) {
  const router = useRouter();
  const [state, formAction] = useActionState<FormState<AddField>, FormData>(async (previous, formData) => {
    if (!browserSupportsWebAuthn()) return { ok: false, message: NO_WEBAUTHN_MESSAGE, values: { name: String(formData.get("name") ?? "") } };
    const begun = await begin(previous, formData);
    const options = begun.data?.options;
    if (!begun.ok || typeof options !== "string") return begun;
    let response;
    try {
      response = await startRegistration({ optionsJSON: JSON.parse(options) });
    } catch (error) {
      return { ok: false, message: passkeyErrorMessage(error, "add"), values: begun.values };
    }
    formData.set("response", JSON.stringify(response));
    const finished = await finish(previous, formData);
    if (finished.ok && typeof finished.data?.next === "string") router.push(finished.data.next);
    return finished;
  }, initialFormState as FormState<AddField>);
  const values = state.values ?? {};
  const codes = Array.isArray(state.data?.codes) ? state.data.codes : null;
  const continueTo = typeof state.data?.continueTo === "string" ? state.data.continueTo : null;

  if (codes) {
    return (
      <div className="space-y-5">
        <Notice tone="success" role="status">
          <p>{state.message}</p>
        </Notice>
        <RecoveryCodeList codes={codes} />
        {continueTo ? (
          <a href={continueTo} className="inline-block rounded-md bg-brand px-5 py-3 font-semibold text-white">
            I have saved my codes: continue
          </a>
        ) : null}
      </div>
    );
  }

  return (
    <form action={formAction} noValidate className="space-y-5">
      <ErrorSummary state={state} labels={{ name: "Name for this passkey" }} />
      {state.ok && state.message ? (
        <Notice tone="success" role="status">
          <p>{state.message}</p>
        </Notice>
      ) : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field
        name="name"
        label="Name for this passkey"
        hint="So you can tell your passkeys apart, for example “Office laptop” or “My phone”."
        defaultValue={values.name}
        errors={state.fieldErrors?.name}
        maxLength={60}
        autoComplete="off"
        required
      />
      <p className="text-sm text-muted">When you continue, your browser asks you to confirm with this device&apos;s fingerprint, face, screen lock PIN, or a security key.</p>
      <SubmitButton pendingLabel="Waiting for your device…">Add passkey</SubmitButton>
    </form>
  );
}
