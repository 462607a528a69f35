import { SubmitButton } from "@/components/form/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { AboutYouFieldset } from "./about-you-fieldset";
import { RegistrationQuestions } from "./registration-questions";

type AboutYouField = "firstName" | "lastName" | "email" | "phone" | "password";

/**
 * The second half of every provider registration form (check, notice, US Mail): the person's
 * own details, the follow-up questions once asked, and the submit button.
 */
export function CreateAccountSection<Field extends string>({ state, submitLabel = "Create my account" }: { state: FormState<Field>; submitLabel?: string }) {
  const values = (state.values ?? {}) as Partial<Record<AboutYouField, string>>;
  const errors = (state.fieldErrors ?? {}) as Partial<Record<AboutYouField, string[]>>;
  const retyping = Boolean(state.message) && !state.ok;
  return (
    <>
      <AboutYouFieldset values={values} errors={errors} retyping={retyping} />
      <RegistrationQuestions state={state} />
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <SubmitButton pendingLabel="Creating your account…">{submitLabel}</SubmitButton>
        <p className="text-sm text-muted">By creating an account you agree to use it only yourself.</p>
      </div>
    </>
  );
}
