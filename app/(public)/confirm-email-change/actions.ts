"use server";

import { redirect } from "next/navigation";
import { confirmEmailChange } from "@/lib/account/email-change";
import { LinkTokenSchema } from "@/lib/account/schemas";
import { currentSession } from "@/lib/auth/dal";
import { validatedAction } from "@/lib/forms/validated-action";

/** Works signed in or not; a session of the same person that confirms stays signed in, the others end. */
export const confirmEmailChangeAction = validatedAction({ schema: LinkTokenSchema, fields: ["token"] as const }, async ({ token }, { request }) => {
  const session = await currentSession();
  const result = await confirmEmailChange(token, request, { currentSessionId: session?.sessionId ?? null });
  if (result.ok) redirect("/confirm-email-change/done");
  return { ok: false, message: "This link can't be used.", data: { linkProblem: result.reason } };
});
