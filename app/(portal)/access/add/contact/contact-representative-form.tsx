"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { NpiField, TaxIdField } from "@/components/form/identifier-fields";
import { FieldErrors, fieldIds, inputClasses } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { CONTACT_MESSAGE_MAX, type ContactRepresentativeField } from "@/lib/access/contact-representative-schema";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (state: FormState<ContactRepresentativeField>, formData: FormData) => Promise<FormState<ContactRepresentativeField>>;

export const CONTACT_LABELS: Record<ContactRepresentativeField, string> = {
  taxId: "Tax ID",
  npi: "NPI (optional)",
  message: "How can we help?",
  submissionId: "Form",
};

/**
 * Asks a representative to add a Tax ID for someone with no check or notice. Once sent, the
 * form gives way to the case number; sending the same form again answers with the same case.
 */
export function ContactRepresentativeForm({ action, submissionId, contact }: { action: Action; submissionId: string; contact: { email: string; phone: string } }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<ContactRepresentativeField>);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const message = fieldIds("message");

  if (state.ok) {
    return (
      <div className="max-w-3xl space-y-4">
        <Notice tone="success" role="status" title={state.message}>
          <p>
            We sent an acknowledgement to {contact.email}. A representative will contact you, usually within two business days. Please have your case number ready.
          </p>
        </Notice>
        <ButtonLink href="/access" variant="secondary">
          Back to Tax ID &amp; NPI access
        </ButtonLink>
      </div>
    );
  }

  return (
    <form action={formAction} noValidate className="max-w-3xl">
      <ErrorSummary state={state} labels={CONTACT_LABELS} />
      <input type="hidden" name="submissionId" value={submissionId} />
      <div className="space-y-5 rounded-lg border border-line bg-surface p-5 shadow-sm">
        <TaxIdField
          values={values}
          errors={errors}
          hint="The 9-digit Tax ID you need access to, like 41-1234567."
        />
        <NpiField
          values={values}
          errors={errors}
          label="NPI (optional)"
          hint="Only if you need one NPI in particular."
        />
        <div>
          <label htmlFor="message" className="block font-semibold text-ink">
            How can we help?
          </label>
          <div id={message.hint} className="text-sm text-muted">
            Which office you work for, your role, and why you have no check or notice. At most {CONTACT_MESSAGE_MAX} characters.
          </div>
          <textarea
            id="message"
            name="message"
            rows={5}
            maxLength={CONTACT_MESSAGE_MAX}
            required
            defaultValue={values.message}
            aria-invalid={errors.message ? true : undefined}
            aria-describedby={[message.hint, errors.message ? message.error : null].filter(Boolean).join(" ")}
            className={inputClasses}
          />
          <FieldErrors id={message.error} errors={errors.message} />
        </div>
        <p className="text-sm text-muted">
          We will contact you at <span className="break-all font-semibold text-ink">{contact.email}</span> or <span className="font-semibold text-ink">{contact.phone}</span>, from your account.
        </p>
      </div>
      <div className="mt-6">
        <SubmitButton pendingLabel="Sending…">Send to a representative</SubmitButton>
      </div>
    </form>
  );
}
