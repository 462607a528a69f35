"use server";

import { after } from "next/server";
import { redirect } from "next/navigation";
import { NOT_LISTED_FIELDS, NotListedSchema } from "@/lib/cases/not-listed-schema";
import { reportProviderNotListed } from "@/lib/cases/report-provider-not-listed";
import { kickOutbox } from "@/lib/email/worker";
import { validatedAction } from "@/lib/forms/validated-action";
import { describeWait } from "@/lib/rate-limit";

export const reportNotListedAction = validatedAction({ schema: NotListedSchema, fields: NOT_LISTED_FIELDS }, async (data, { values, request }) => {
  const result = await reportProviderNotListed(data, request);
  if (result.ok) {
    after(kickOutbox);
    // The page after a redirect can be reloaded without sending the form again.
    redirect(`/register/provider/not-listed/received?case=${result.caseNumber}`);
  }
  return {
    ok: false,
    message: `We have received several requests from your network in the last hour. What you typed is still here: please wait ${describeWait(
      result.retryAfterSeconds,
    )} and send it again, or call Provider Services.`,
    values,
  };
});
