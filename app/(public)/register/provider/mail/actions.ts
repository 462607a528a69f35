"use server";

import { after } from "next/server";
import { redirect } from "next/navigation";
import { kickOutbox } from "@/lib/email/worker";
import { validatedAction } from "@/lib/forms/validated-action";
import { rememberPendingRegistration } from "@/lib/registration/pending-registration";
import { registerWithMail } from "@/lib/pin-letters/register-with-mail";
import { describeWait } from "@/lib/rate-limit";
import { MAIL_REGISTRATION_FIELDS, MailRegistrationSchema } from "@/lib/registration/mail-registration-schema";
import { refusalState } from "@/lib/registration/refusal-state";

export const registerWithMailAction = validatedAction(
  { schema: MailRegistrationSchema, fields: MAIL_REGISTRATION_FIELDS, secretFields: ["password"] },
  async (data, { values, request }) => {
    const result = await registerWithMail(data, request);
    if (result.ok) {
      after(kickOutbox);
      // Set alike for a new address and one that already had an account: "Check your email" shows what was typed.
      await rememberPendingRegistration({ email: data.email, submissionId: data.submissionId });
      redirect("/register/check-email?by=mail");
    }
    switch (result.code) {
      case "not_listed":
        return {
          ok: false,
          message: "We couldn't find this Tax ID in our records. Check the 9 digits, or tell us your provider is not listed and a representative will help you.",
          fieldErrors: { taxId: ["This Tax ID is not in our records. Check the digits, or choose “My provider is not listed”."] },
          values,
          data: { taxIdNotListed: "yes" },
        };
      case "npi_not_on_tax_id":
        return {
          ok: false,
          message: "This NPI doesn't bill under that Tax ID in our records. Check both numbers, or leave the NPI empty.",
          fieldErrors: { npi: ["This NPI doesn't bill under the Tax ID above. Check it, or leave it empty."] },
          values,
        };
      case "rate_limited":
        return {
          ok: false,
          message: `There have been too many Tax ID lookups from this device or network. For your security, lookups from here are paused for ${describeWait(result.retryAfterSeconds)}. What you typed is kept: try again then.`,
          values,
        };
      case "confirm_own_name":
      case "already_registered":
        return refusalState(result, values);
    }
  },
);
