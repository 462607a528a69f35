"use server";

import { redirect } from "next/navigation";
import { requestPasswordReset } from "@/lib/account/password-reset";
import { ForgotPasswordSchema } from "@/lib/account/schemas";
import { validatedAction } from "@/lib/forms/validated-action";

/** Every address gets the same answer page, whether or not it has an account. */
export const forgotPasswordAction = validatedAction({ schema: ForgotPasswordSchema, fields: ["email"] as const }, async ({ email }, { request }) => {
  await requestPasswordReset(email, request);
  redirect("/signin/forgot/sent");
});
