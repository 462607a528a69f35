"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { ensureDeviceCookie, verifyDeviceToken } from "@/lib/auth/devices";
import { currentSignInPause, signInPauseMessage } from "@/lib/auth/signin-limits";
import { secondStepPath } from "@/lib/auth/mfa/policy";
import { validatedAction } from "@/lib/forms/validated-action";
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
    // The signed device cookie (set now if the browser has none) goes along with the password.
    const device = await ensureDeviceCookie();
    try {
      // On success Auth.js redirects (a thrown redirect, passed through by validatedAction) to the
      // second step, which asks for a code, a first factor, or (when neither is due) goes on.
      await signIn("credentials", { email, password, device, redirectTo: secondStepPath("verify", safeCallbackUrl(callbackUrl)) });
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
          const pause = await currentSignInPause(normalized.success ? normalized.data : email.trim().toLowerCase().slice(0, 254), request.clientAddress, verifyDeviceToken(device));
          return { ok: false, message: signInPauseMessage(pause), values };
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
