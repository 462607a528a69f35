"use server";

import { after } from "next/server";
import { redirect } from "next/navigation";
import { kickOutbox } from "@/lib/email/worker";
import { env } from "@/lib/env";
import { validatedAction } from "@/lib/forms/validated-action";
import { rememberPendingRegistration } from "@/lib/registration/pending-registration";
import { MISSING_NP_MESSAGE, NOTICE_REGISTRATION_FIELDS, NoticeRegistrationSchema } from "@/lib/registration/notice-registration-schema";
import { registerWithNotice } from "@/lib/registration/register-with-notice";
import { sharedFailureState } from "@/lib/registration/registration-failure-state";

export const registerWithNoticeAction = validatedAction(
  { schema: NoticeRegistrationSchema, fields: NOTICE_REGISTRATION_FIELDS, secretFields: ["password"] },
  async (data, { values, request }) => {
    const result = await registerWithNotice(data, request);
    if (result.ok) {
      after(kickOutbox);
      // Set alike for a new address and one that already had an account: "Check your email" shows what was typed.
      await rememberPendingRegistration({ email: data.email, submissionId: data.submissionId });
      redirect("/register/check-email");
    }
    switch (result.code) {
      case "missing_np_prefix":
        return {
          ok: false,
          message: `${MISSING_NP_MESSAGE}: type it exactly as printed on the notice, like NP${data.noticeNumber}.`,
          fieldErrors: { noticeNumber: [MISSING_NP_MESSAGE] },
          values,
        };
      case "not_verified":
        return {
          ok: false,
          message: `We couldn't verify your organization with these details. Check that the Tax ID, the NPI and the notice number are exactly as printed on a ${
            env().PAYER_NAME
          } non-payment notice dated in the last 12 months, then try again. No notice? Register with a check or by US Mail instead.`,
          fieldErrors: {
            taxId: ["Check this matches the Tax ID the notice was issued to."],
            npi: ["Check this matches the NPI on the notice."],
            noticeNumber: ["Check this matches the notice number, with its NP in front."],
          },
          values,
        };
      default:
        return sharedFailureState(result, values);
    }
  },
);
