"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { secondStepPath } from "@/lib/auth/mfa/policy";
import { validatedAction } from "@/lib/forms/validated-action";
import { describeWait, firstBlocked } from "@/lib/rate-limit";
import { EmailSchema } from "@/lib/validation";

const SignInSchema = z.object({
  email: z.string({ error: "Enter your email address." }).trim().min(1, "Enter your email address."),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password."),
  callbackUrl: z.string().optional(),
});

const SIGN_IN_FIELDS = ["email", "password", "callbackUrl"] as const;

export const signInAction = validatedAction(
  { schema: SignInSchema, fields: SIGN_IN_FIELDS, secretFields: ["password"] },
  async ({ email, password, callbackUrl }, { values, request }) => {
    try {
      // On success Auth.js redirects (a thrown redirect, passed through by validatedAction) to the
      // second step, which asks for a code, a first factor, or (when neither is due) goes on.
      await signIn("credentials", { email, password, redirectTo: secondStepPath("verify", safeCallbackUrl(callbackUrl)) });
      return { ok: true };
    } catch (error) {
      if (!(error instanceof AuthError) || error.type !== "CredentialsSignin") throw error;
      const code = (error as AuthError & { code?: string }).code;
      switch (code) {
        case "unverified":
          return {
            ok: false,
            message:
              "Please confirm your email address first. We've just sent you a new link: open the email and choose “Confirm my email address”, then sign in.",
            values,
          };
        case "inactive":
          return { ok: false, message: "This account can't be used right now. Ask your organization's delegate for help.", values };
        case "rate_limited": {
          const normalized = EmailSchema.safeParse(email);
          const blocked = await firstBlocked([
            ["signinByAccount", normalized.success ? normalized.data : email.toLowerCase()],
            ["signinByClient", request.clientAddress],
          ]);
          return {
            ok: false,
            message: `Too many unsuccessful sign-in attempts. For your security, sign-in is paused: please try again in ${describeWait(
              blocked?.retryAfterSeconds ?? 15 * 60,
            )}.`,
            values,
          };
        }
        default:
          return {
            ok: false,
            message: "The email address or password is not right. Check them and try again.",
            fieldErrors: { email: ["Check your email address."], password: ["Check your password."] },
            values,
          };
      }
    }
  },
);
