"use server";

import { after } from "next/server";
import { z } from "zod";
import { kickOutbox } from "@/lib/email/worker";
import { validatedAction } from "@/lib/forms/validated-action";
import { describeWait } from "@/lib/rate-limit";
import { pendingRegistration } from "@/lib/registration/pending-registration";
import { resendConfirmationEmail } from "@/lib/registration/resend-confirmation";

/**
 * "Send it again": only for the registration this browser made (its signed cookie); a visitor
 * without one is sent to sign in, which sends a new link too. The message says what happened and,
 * when refused, when to try again.
 */
export const resendConfirmationAction = validatedAction({ schema: z.object({}), fields: [] as const }, async (_data, { request }) => {
  const pending = await pendingRegistration();
  if (!pending) {
    return {
      ok: false,
      message: "We can't tell from this browser which address you registered (it forgets after a day). Sign in with your email and password and we'll send you a new link.",
    };
  }
  const result = await resendConfirmationEmail(pending, request);
  if (!result.ok) {
    return {
      ok: false,
      message: `You've asked for the email several times. For your security, you can ask again in ${describeWait(result.retryAfterSeconds)}. Until then, the links we've already sent still work.`,
    };
  }
  if (result.status === "already_confirmed") {
    return { ok: true, message: "Your email address is already confirmed: you can sign in now." };
  }
  after(kickOutbox);
  return { ok: true, message: `We've sent the email again to ${pending.email}. It can take a few minutes to arrive; the link in any of our emails works.` };
});
