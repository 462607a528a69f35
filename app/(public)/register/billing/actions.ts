"use server";

import { after } from "next/server";
import { redirect } from "next/navigation";
import { BILLING_REGISTRATION_FIELDS, BillingRegistrationSchema, PROVIDER_TAX_ID_REFUSAL } from "@/lib/billing/billing-registration-schema";
import { registerBillingOrganization } from "@/lib/billing/register-billing-organization";
import { kickOutbox } from "@/lib/email/worker";
import { validatedAction } from "@/lib/forms/validated-action";
import { rememberPendingRegistration } from "@/lib/registration/pending-registration";
import { describeWait } from "@/lib/rate-limit";
import { refusalState } from "@/lib/registration/refusal-state";

export const registerBillingAction = validatedAction(
  { schema: BillingRegistrationSchema, fields: BILLING_REGISTRATION_FIELDS, secretFields: ["password"] },
  async (data, { values, request }) => {
    const result = await registerBillingOrganization(data, request);
    if (result.ok) {
      after(kickOutbox);
      // Set alike for a new address and one that already had an account: "Check your email" shows what was typed.
      await rememberPendingRegistration({ email: data.email, submissionId: data.submissionId });
      redirect("/register/check-email?by=billing");
    }
    switch (result.code) {
      case "provider_tax_id":
        return { ok: false, message: "Use your billing organization's own Tax ID: please correct the field marked below.", fieldErrors: { taxId: [PROVIDER_TAX_ID_REFUSAL] }, values };
      case "rate_limited":
        return { ok: false, message: `Too many registrations have been tried from this device or network. Try again in ${describeWait(result.retryAfterSeconds)}.`, values };
      default:
        return refusalState(result, values);
    }
  },
);
