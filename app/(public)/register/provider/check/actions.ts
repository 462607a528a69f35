"use server";

import { after } from "next/server";
import { redirect } from "next/navigation";
import { kickOutbox } from "@/lib/email/worker";
import { env } from "@/lib/env";
import { validatedAction } from "@/lib/forms/validated-action";
import { rememberPendingRegistration } from "@/lib/registration/pending-registration";
import { CHECK_REGISTRATION_FIELDS, CheckRegistrationSchema } from "@/lib/registration/check-registration-schema";
import { sharedFailureState } from "@/lib/registration/registration-failure-state";
import { registerWithCheck } from "@/lib/registration/register-with-check";

export const registerWithCheckAction = validatedAction(
  { schema: CheckRegistrationSchema, fields: CHECK_REGISTRATION_FIELDS, secretFields: ["password"] },
  async (data, { values, request }) => {
    const result = await registerWithCheck(data, request);
    if (result.ok) {
      after(kickOutbox);
      // Set alike for a new address and one that already had an account: "Check your email" shows what was typed.
      await rememberPendingRegistration({ email: data.email, submissionId: data.submissionId });
      redirect("/register/check-email");
    }
    const proofField = data.proof.kind === "vendor" ? "vendorNumber" : "npi";
    switch (result.code) {
      case "not_verified":
        return {
          ok: false,
          message: `We couldn't verify your organization with these details. Check that the Tax ID, the check number and the ${
            data.proof.kind === "vendor" ? "vendor number" : "NPI"
          } are exactly as printed on a ${env().PAYER_NAME} check issued in the last 12 months, then try again.`,
          fieldErrors: {
            taxId: ["Check this matches the Tax ID the check was issued to."],
            checkNumber: ["Check this matches the check number printed on the check."],
            [proofField]: [data.proof.kind === "vendor" ? "Check this matches the vendor number printed on the check." : "Check this matches the NPI on the check."],
          },
          values,
        };
      default:
        return sharedFailureState(result, values);
    }
  },
);
