"use server";

import { redirect } from "next/navigation";
import { resetPassword } from "@/lib/account/password-reset";
import { ResetPasswordSchema } from "@/lib/account/schemas";
import { validatedAction } from "@/lib/forms/validated-action";

export const resetPasswordAction = validatedAction(
  { schema: ResetPasswordSchema, fields: ["token", "password", "confirmPassword"] as const, secretFields: ["password", "confirmPassword"] },
  async ({ token, password }, { values, request }) => {
    const result = await resetPassword(token, password, request);
    if (result.ok) redirect("/reset-password/done");
    if (result.reason === "weak_password") {
      return { ok: false, message: "Please choose a stronger password.", values, fieldErrors: { password: [result.message] } };
    }
    return { ok: false, message: "This link can't be used any more.", values, data: { linkProblem: result.reason } };
  },
);
