import type { FormState } from "@/lib/forms/form-state";
import type { RegistrationRefusal } from "./provider-registration";

/**
 * The form's answer when a registration needs one more answer: the person's own name
 * confirmed, or (the Tax ID has a delegate) why that delegate can't help. Everything typed is kept.
 */
export function refusalState<Field extends string>(refusal: RegistrationRefusal, values: Partial<Record<Field, string>>): FormState<Field> {
  if (refusal.code === "confirm_own_name") {
    return {
      ok: false,
      message: `Are you ${refusal.clinicianName}? Each person needs an account in their own name. Confirm below that this account is for you, then enter your password again.`,
      values,
      data: { question: "confirm_own_name", clinicianName: refusal.clinicianName },
    };
  }
  const delegates = refusal.delegates.join(", ");
  return {
    ok: false,
    message: `${refusal.organizationName} is already registered in the portal. Ask your organization's delegate (${delegates}) to create an account for you. If they can't help you, tell us why below and continue.`,
    values,
    data: { question: "already_registered", organizationName: refusal.organizationName, delegates: refusal.delegates },
  };
}
