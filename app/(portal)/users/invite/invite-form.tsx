"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { Field, FieldErrors } from "@/components/form/field";
import { SubmitButton } from "@/components/form/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import type { InviteField } from "@/lib/invitations/invite-schema";
import { parseAccessValue } from "@/lib/users/access-form";
import type { GrantableUnit, ManagedOrganization } from "@/lib/users/delegate-organizations";
import { formatTaxId } from "@/lib/validation/tax-id";
import { AccessPicker } from "../access-picker";
import { BillingAccessNote } from "../billing-access-note";

type Action = (state: FormState<InviteField>, formData: FormData) => Promise<FormState<InviteField>>;

const LABELS: Record<InviteField, string> = {
  firstName: "First name",
  lastName: "Last name",
  email: "Work email",
  role: "Role",
  access: "Tax IDs and NPIs",
  organizationId: "Organization",
  submissionId: "Form",
};

/**
 * A provider delegate picks one or more of their Tax IDs. A billing delegate adds the person
 * to their billing organization and picks zero or more of the providers that approved it.
 */
export function InviteForm({ action, units, billingOrganizations = [], submissionId }: { action: Action; units: GrantableUnit[]; billingOrganizations?: ManagedOrganization[]; submissionId: string }) {
  const [state, formAction] = useActionState(action, initialFormState as FormState<InviteField>);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const role = values.role === "delegate" ? "delegate" : "user";
  const billing = billingOrganizations.length > 0;
  const chosenOrganization = values.organizationId ?? billingOrganizations[0]?.organizationId;
  const shownUnits = billing ? units.filter((unit) => unit.organizationId === chosenOrganization || billingOrganizations.length > 1) : units;

  return (
    <form action={formAction} noValidate className="max-w-3xl space-y-6">
      <ErrorSummary state={state} labels={LABELS} />
      <input type="hidden" name="submissionId" value={submissionId} />
      <fieldset className="space-y-5 rounded-lg border border-line bg-surface p-5 shadow-sm">
        <legend className="px-1 text-xl font-semibold text-ink">Who are you adding?</legend>
        <p className="text-ink">Each person needs an account in their own name: sharing accounts is not allowed.</p>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field name="firstName" label="First name" defaultValue={values.firstName} errors={errors.firstName} autoComplete="off" maxLength={50} required />
          <Field name="lastName" label="Last name" defaultValue={values.lastName} errors={errors.lastName} autoComplete="off" maxLength={50} required />
        </div>
        <Field
          name="email"
          label="Work email"
          hint="We'll email them a link to set their password. Use an address only they can read."
          type="email"
          defaultValue={values.email}
          errors={errors.email}
          autoComplete="off"
          maxLength={254}
          required
          className="max-w-md"
        />
      </fieldset>

      {billing && billingOrganizations.length === 1 ? <input type="hidden" name="organizationId" value={billingOrganizations[0]!.organizationId} /> : null}
      {billingOrganizations.length > 1 ? (
        <fieldset id="organizationId" tabIndex={-1} aria-describedby={errors.organizationId ? "organizationId-error" : undefined} className="space-y-3 rounded-lg border border-line bg-surface p-5 shadow-sm">
          <legend className="px-1 text-xl font-semibold text-ink">Billing organization they join</legend>
          {billingOrganizations.map((organization) => (
            <label key={organization.organizationId} className="flex items-center gap-3">
              <input type="radio" name="organizationId" value={organization.organizationId} defaultChecked={chosenOrganization === organization.organizationId} className="h-5 w-5 accent-brand" />
              {organization.name} <span className="text-muted">(Tax ID {formatTaxId(organization.taxId)})</span>
            </label>
          ))}
          <FieldErrors id="organizationId-error" errors={errors.organizationId} />
        </fieldset>
      ) : null}

      <div className="rounded-lg border border-line bg-surface p-5 shadow-sm">
        {billing ? (
          <AccessPicker
            units={shownUnits}
            defaults={parseAccessValue(values.access)}
            errors={errors.access}
            preselectSingle={false}
            legend="Which providers may they see?"
            description={<BillingAccessNote hasProviders={shownUnits.length > 0} inviting />}
          />
        ) : (
          <AccessPicker units={units} defaults={parseAccessValue(values.access)} errors={errors.access} legend="What may they see?" />
        )}
      </div>

      <fieldset id="role" tabIndex={-1} aria-describedby={errors.role ? "role-error" : undefined} className="space-y-3 rounded-lg border border-line bg-surface p-5 shadow-sm">
        <legend className="px-1 text-xl font-semibold text-ink">Role</legend>
        {(
          [
            ["user", "User", "Uses the portal for the Tax IDs and NPIs above."],
            ["delegate", "Delegate", "Also adds and removes users and changes their access, as you do."],
          ] as const
        ).map(([value, label, description]) => (
          <label key={value} className="flex items-start gap-3">
            <input type="radio" name="role" value={value} defaultChecked={role === value} className="mt-1 h-5 w-5 accent-brand" />
            <span>
              <span className="font-semibold">{label}</span>
              <span className="block text-sm text-muted">{description}</span>
            </span>
          </label>
        ))}
        <FieldErrors id="role-error" errors={errors.role} />
      </fieldset>

      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingLabel="Sending the invitation…">Send the invitation</SubmitButton>
        <p className="text-sm text-muted">The link in the email works once, for 7 days.</p>
      </div>
    </form>
  );
}
