import { Field } from "@/components/form/field";
import { PasswordField } from "@/components/form/password-field";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validation/password";

type AboutYouField = "firstName" | "lastName" | "email" | "phone" | "password";

/**
 * The registrant's own details, shared by every registration form. The text says why they
 * must be the person's own: the portal shows members' health information.
 */
export function AboutYouFieldset({
  values,
  errors,
  retyping,
}: {
  values: Partial<Record<AboutYouField, string>>;
  errors: Partial<Record<AboutYouField, string[]>>;
  /** The form came back after a submit: the password has to be typed again. */
  retyping: boolean;
}) {
  return (
    <fieldset className="mt-6 space-y-5 rounded-lg border border-line bg-surface p-5 shadow-sm">
      <legend className="px-1 text-xl font-semibold text-ink">About you</legend>
      <p className="text-ink">
        Enter <strong>your own</strong> details, not the doctor&apos;s or a manager&apos;s. Because the portal shows members&apos; protected
        health information, we need to know who you are, and sharing accounts is not allowed. Once you&apos;re registered you can
        create accounts for your co-workers.
      </p>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field name="firstName" label="First name" defaultValue={values.firstName} errors={errors.firstName} autoComplete="given-name" maxLength={50} required />
        <Field name="lastName" label="Last name" defaultValue={values.lastName} errors={errors.lastName} autoComplete="family-name" maxLength={50} required />
      </div>
      <Field
        name="email"
        label="Work email"
        hint="We'll send a link to this address to confirm it. Use an address only you can read."
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
        label="Work phone"
        hint="10 digits, like 612-555-0100."
        type="tel"
        defaultValue={values.phone}
        errors={errors.phone}
        autoComplete="tel-national"
        maxLength={20}
        required
        className="max-w-xs"
      />
      <PasswordField
        name="password"
        label="Password"
        hint={
          retyping
            ? `For your security, please enter your password again. At least ${PASSWORD_MIN} characters.`
            : `At least ${PASSWORD_MIN} characters. A short phrase of a few words is easy to remember and hard to guess.`
        }
        errors={errors.password}
        autoComplete="new-password"
        maxLength={PASSWORD_MAX}
        required
        className="max-w-md"
      />
    </fieldset>
  );
}
