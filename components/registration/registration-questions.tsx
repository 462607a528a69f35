import { FieldErrors } from "@/components/form/field";
import type { FormState } from "@/lib/forms/form-state";
import type { RegistrationAnswerField } from "@/lib/registration/answers-schema";
import { DEPARTED_REASONS, departedReasonLabels } from "@/lib/registration/departed-reasons";

/**
 * The follow-up questions of a provider registration, shown once the server asked them and
 * kept (with the answers) on every later submit:
 * - "Are you Ann Rivera, MD?" when the name typed is a clinician's on that Tax ID;
 * - the Tax ID already has a delegate: ask them, or say why they can't assist and go on.
 */
export function RegistrationQuestions({ state }: { state: FormState<string> }) {
  const values = (state.values ?? {}) as Partial<Record<RegistrationAnswerField, string>>;
  const errors = (state.fieldErrors ?? {}) as Partial<Record<RegistrationAnswerField, string[]>>;
  const question = state.data?.question;
  const askOwnName = question === "confirm_own_name" || values.confirmOwnName === "yes";
  const askDeparted = question === "already_registered" || Boolean(values.departedReason) || Boolean(errors.departedReason || errors.departedNote);
  if (!askOwnName && !askDeparted) return null;

  const clinicianName = typeof state.data?.clinicianName === "string" ? state.data.clinicianName : null;
  const delegates = Array.isArray(state.data?.delegates) ? state.data.delegates : [];
  const organizationName = typeof state.data?.organizationName === "string" ? state.data.organizationName : "This organization";

  return (
    <div className="mt-6 space-y-6">
      {askOwnName ? (
        <fieldset className="rounded-lg border border-warning bg-warning-soft p-5">
          <legend className="px-1 text-xl font-semibold text-ink">{clinicianName ? `Are you ${clinicianName}?` : "Is this account for you?"}</legend>
          <p className="text-ink">
            Each person needs an account in their own name: don&apos;t register with the doctor&apos;s name. If you work for{" "}
            {clinicianName ?? "this clinician"}, change the name above to your own.
          </p>
          <label className="mt-3 flex items-start gap-2 font-semibold text-ink">
            <input type="checkbox" name="confirmOwnName" value="yes" defaultChecked={values.confirmOwnName === "yes"} className="mt-1 h-5 w-5 accent-brand" />
            Yes, this is my own name and the account is for me alone.
          </label>
        </fieldset>
      ) : null}

      {askDeparted ? (
        <fieldset className="rounded-lg border border-line bg-surface p-5 shadow-sm" aria-describedby="departed-intro">
          <legend className="px-1 text-xl font-semibold text-ink">{organizationName} already has a delegate</legend>
          <div id="departed-intro" className="space-y-2 text-ink">
            {delegates.length > 0 ? (
              <p>
                Its delegate{delegates.length > 1 ? "s are" : " is"} <strong>{delegates.join(", ")}</strong>: the delegate creates accounts for
                co-workers, so the quickest way in is to ask them.
              </p>
            ) : null}
            <p>
              If the person who registered can&apos;t help you, tell us why and continue. You&apos;ll become a delegate too, we&apos;ll let the
              current delegate know, and a representative will review it.
            </p>
          </div>
          <div className="mt-4" role="radiogroup" aria-labelledby="departed-reason-label" aria-describedby={errors.departedReason ? "departedReason-error" : undefined}>
            <p id="departed-reason-label" className="font-semibold text-ink">
              Why can&apos;t the delegate help you?
            </p>
            <div className="mt-2 space-y-2" id="departedReason">
              {DEPARTED_REASONS.map((reason) => (
                <label key={reason} className="flex items-center gap-2">
                  <input type="radio" name="departedReason" value={reason} defaultChecked={values.departedReason === reason} className="h-5 w-5 accent-brand" />
                  {departedReasonLabels[reason]}
                </label>
              ))}
            </div>
            <FieldErrors id="departedReason-error" errors={errors.departedReason} />
          </div>
          <div className="mt-4">
            <label htmlFor="departedNote" className="block font-semibold text-ink">
              Anything we should know? <span className="font-normal text-muted">(required for &ldquo;Another reason&rdquo;)</span>
            </label>
            <textarea
              id="departedNote"
              name="departedNote"
              rows={3}
              maxLength={500}
              defaultValue={values.departedNote}
              aria-invalid={errors.departedNote ? true : undefined}
              aria-describedby={errors.departedNote ? "departedNote-error" : undefined}
              className="mt-1 block w-full max-w-xl rounded-md border border-line bg-surface px-3 py-2 text-base text-ink shadow-sm aria-[invalid=true]:border-danger"
            />
            <FieldErrors id="departedNote-error" errors={errors.departedNote} />
          </div>
        </fieldset>
      ) : null}
    </div>
  );
}
