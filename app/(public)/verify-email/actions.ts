"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { confirmEmail } from "@/lib/auth/email-verification";
import { validatedAction } from "@/lib/forms/validated-action";

const messages = {
  invalid: "This link isn't valid. Copy the whole link from the email into your browser, or sign in to get a new link.",
  expired: "This link has expired. Sign in with your email and password and we'll send you a new one.",
  used: "This link has already been used. If you confirmed your email, you can sign in now.",
} as const;

export const confirmEmailAction = validatedAction(
  { schema: z.object({ token: z.string({ error: messages.invalid }).min(1, messages.invalid).max(200, messages.invalid) }), fields: ["token"] as const },
  async ({ token }, { request }) => {
    const result = await confirmEmail(token, request);
    if (result.ok) redirect("/signin?confirmed=1");
    return { ok: false, message: messages[result.reason] };
  },
);
