"use server";

import { after } from "next/server";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/dal";
import { CONTACT_US_FIELDS, ContactUsSchema, type ContactUsField } from "@/lib/cases/contact-us-schema";
import { sendContactUs } from "@/lib/cases/contact-us";
import { kickOutbox } from "@/lib/email/worker";
import type { FormState } from "@/lib/forms/form-state";
import { validatedAction } from "@/lib/forms/validated-action";
import { describeWait } from "@/lib/rate-limit";

export const contactUsAction = validatedAction({ schema: ContactUsSchema, fields: CONTACT_US_FIELDS }, async (data, { values, request }): Promise<FormState<ContactUsField>> => {
  // Signed in or not: a signed-in person's case is theirs (listed in their Help Center) and counts against their account.
  const user = await currentUser();
  const result = await sendContactUs(data, request, user?.userId ?? null);
  if (result.ok) {
    after(kickOutbox);
    // The page after a redirect can be reloaded without sending the form again.
    redirect(`/help/contact/received?case=${result.caseNumber}`);
  }
  return {
    ok: false,
    message: `We have received several messages from ${user ? "your account" : "your network"} in the last hour. What you typed is still here: please wait ${describeWait(
      result.retryAfterSeconds,
    )} and send it again, or call Provider Services.`,
    values,
  };
});
