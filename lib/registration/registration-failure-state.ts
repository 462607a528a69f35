import type { FormState } from "@/lib/forms/form-state";
import type { RegistrationRefusal } from "./provider-registration";
import { refusalState } from "./refusal-state";
import { verificationPauseMessage, type VerificationPauseScope } from "./verification-limits";

/** The answers every proved registration (check, notice) can give besides its own verification failure. */
export type SharedRegistrationFailure = { ok: false; code: "rate_limited"; retryAfterSeconds: number; scope: VerificationPauseScope } | RegistrationRefusal;

/** The form's answer to a shared failure: too many attempts, or one more question to answer. Everything typed is kept. */
export function sharedFailureState<Field extends string>(result: SharedRegistrationFailure, values: Partial<Record<Field, string>>): FormState<Field> {
  if (result.code === "rate_limited") {
    return { ok: false, message: verificationPauseMessage(result.scope, result.retryAfterSeconds), values };
  }
  return refusalState(result, values);
}
