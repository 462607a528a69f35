"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field, FieldErrors, fieldIds, inputClasses } from "@/components/form/field";
import { NpiField, TaxIdField } from "@/components/form/identifier-fields";
import { SubmitButton } from "@/components/form/submit-button";
import { CONTACT_TOPICS, CONTACT_US_MESSAGE_MAX, type ContactTopic, type ContactUsField } from "@/lib/cases/contact-us-schema";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (state: FormState<ContactUsField>, formData: FormData) => Promise<FormState<ContactUsField>>;

export const CONTACT_US_LABELS: Record<ContactUsField, string> = {
  topic: "What is this about?",
  taxId: "Tax ID",
  npi: "NPI (optional)",
  message: "Your message",
  name: "Your name",
  email: "Your email",
  phone: "Your phone (optional)",
  submissionId: "Form",
};

const fieldsetClasses = "mt-6 space-y-5 rounded-lg border border-line bg-surface p-5 shadow-sm first:mt-0";
const legendClasses = "px-1 text-xl font-semibold text-ink";

export interface ContactPrefill {
  topic?: ContactTopic;
  name?: string;
  email?: string;
  phone?: string;
}

/** Contact us: the topic, the Tax ID and NPI concerned, the message and how to reach the person. Opens a case. */
export function ContactUsForm({ action, submissionId, prefill = {} }: { action: Action; submissionId: string; prefill?: ContactPrefill }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<ContactUsField>);
  // After a failed submit, what was typed; before, what we know (the topic of the link followed, the account's details).
  const values: Partial<Record<ContactUsField, string>> = state.values ?? { topic: prefill.topic, name: prefill.name, email: prefill.email, phone: prefill.phone };
  const errors = state.fieldErrors ?? {};
  const message = fieldIds("message");
  const topicError = fieldIds("topic").error;

  return (
    <form action={formAction} noValidate className="max-w-3xl">
      <ErrorSummary state={state} labels={CONTACT_US_LABELS} />
      <input type="hidden" name="submissionId" value={submissionId} />

      <fieldset className={fieldsetClasses} aria-describedby={errors.topic ? topicError : undefined}>
        <legend className={legendClasses}>What is this about?</legend>
        {/* The error summary links to #topic: the first choice carries that id. */}
        <ul className="space-y-3">
          {CONTACT_TOPICS.map((topic, index) => (
            <li key={topic.value}>
              <label className="flex items-start gap-3 text-ink">
                <input
                  type="radio"
                  name="topic"
                  id={index === 0 ? "topic" : `topic-${topic.value}`}
                  value={topic.value}
                  defaultChecked={values.topic === topic.value}
                  aria-describedby={`topic-${topic.value}-hint`}
                  className="mt-1 h-5 w-5 accent-brand"
                />
                <span>
                  <span className="block font-semibold">{topic.label}</span>
                  <span id={`topic-${topic.value}-hint`} className="block text-sm text-muted">
                    {topic.hint}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        <FieldErrors id={topicError} errors={errors.topic} />
      </fieldset>

      <fieldset className={fieldsetClasses}>
        <legend className={legendClasses}>Your question</legend>
        <TaxIdField values={values} errors={errors} className="max-w-sm" hint="The Tax ID this is about, like 41-1234567. Optional only for “Something else”." />
        <NpiField values={values} errors={errors} label="NPI (optional)" className="max-w-sm" hint="10 digits, if it is about one NPI in particular." />
        <div>
          <label htmlFor="message" className="block font-semibold text-ink">
            Your message
          </label>
          <div id={message.hint} className="text-sm text-muted">
            What you need, the office you work for and your role. At most {CONTACT_US_MESSAGE_MAX.toLocaleString("en-US")} characters.
          </div>
          <textarea
            id="message"
            name="message"
            rows={5}
            maxLength={CONTACT_US_MESSAGE_MAX}
            required
            defaultValue={values.message}
            aria-invalid={errors.message ? true : undefined}
            aria-describedby={[message.hint, errors.message ? message.error : null].filter(Boolean).join(" ")}
            className={inputClasses}
          />
          <FieldErrors id={message.error} errors={errors.message} />
        </div>
      </fieldset>

      <fieldset className={fieldsetClasses}>
        <legend className={legendClasses}>How can we reach you?</legend>
        <Field name="name" label="Your name" defaultValue={values.name} errors={errors.name} autoComplete="name" maxLength={101} required className="max-w-md" />
        <Field
          name="email"
          label="Your email"
          hint="We'll send your case number to this address."
          type="email"
          defaultValue={values.email}
          errors={errors.email}
          autoComplete="email"
          maxLength={254}
          required
          className="max-w-md"
        />
        <Field
          name="phone"
          label="Your phone (optional)"
          hint="10 digits, like 612-555-0100, if you'd like a call."
          type="tel"
          defaultValue={values.phone}
          errors={errors.phone}
          autoComplete="tel-national"
          maxLength={20}
          className="max-w-xs"
        />
      </fieldset>

      <div className="mt-6">
        <SubmitButton pendingLabel="Sending…">Send to a representative</SubmitButton>
      </div>
    </form>
  );
}
