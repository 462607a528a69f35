import type { FormState } from "@/lib/forms/form-state";
import { describeWait } from "@/lib/rate-limit";
import type { RegistrationRefusal } from "./provider-registration";
import { refusalState } from "./refusal-state";

/** The answers every proved registration (check, notice) can give besides its own verification failure. */
export type SharedRegistrationFailure = { ok: false; code: "rate_limited"; retryAfterSeconds: number } | RegistrationRefusal;

/** The form's answer to a shared failure: too many attempts, or one more question to answer. Everything typed is kept. */
export function sharedFailureState<Field extends string>(result: SharedRegistrationFailure, values: Partial<Record<Field, string>>): FormState<Field> {
  if (result.code === "rate_limited") {
    return {
      ok: false,
      message: `There have been too many unsuccessful attempts to verify this organization. For your security, please wait ${describeWait(
        result.retryAfterSeconds,
      )} and try again.`,
      values,
    };
  }
  return refusalState(result, values);
}
