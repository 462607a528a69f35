"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { requireEnrollingUser, requireUser } from "@/lib/auth/dal";
import { confirmAuthenticatorSetup, removeAuthenticator } from "@/lib/auth/mfa/authenticator";
import type { FreshnessRefusal } from "@/lib/auth/mfa/freshness";
import { makeNewRecoveryCodes } from "@/lib/auth/mfa/recovery";
import { normalizeTotpCode } from "@/lib/auth/mfa/totp";
import type { FormState } from "@/lib/forms/form-state";
import { validatedAction } from "@/lib/forms/validated-action";
import { describeWait } from "@/lib/rate-limit";

const ENROLL_FIELDS = ["code", "callbackUrl"] as const;
type EnrollField = (typeof ENROLL_FIELDS)[number];

const EnrollSchema = z.object({
  code: z
    .string({ error: "Type the 6-digit code your authenticator app shows." })
    .trim()
    .min(1, "Type the 6-digit code your authenticator app shows.")
    .refine((value) => /^\d{6}$/.test(normalizeTotpCode(value)), "The code is 6 digits, like 123456. Type the one your app shows now."),
  callbackUrl: z.string().optional(),
});

function tooMany(retryAfterSeconds: number): string {
  return `Too many wrong codes. For your security, codes are paused: please try again in ${describeWait(retryAfterSeconds)}.`;
}

/** Confirms a new authenticator app with its first code (from account settings or the required setup). */
export const confirmAuthenticatorAction = validatedAction({ schema: EnrollSchema, fields: ENROLL_FIELDS }, async ({ code, callbackUrl }, { values, request }): Promise<FormState<EnrollField>> => {
  const next = safeCallbackUrl(callbackUrl);
  const person = await requireEnrollingUser(next);
  const result = await confirmAuthenticatorSetup(person, code, request);
  if (result.ok) return { ok: true, data: { recoveryCodes: result.recoveryCodes ?? [], continueHref: next } };
  switch (result.code) {
    case "rate_limited":
      return { ok: false, message: tooMany(result.retryAfterSeconds), values };
    case "not_pending":
      return { ok: false, message: "An authenticator app is already set up for your account. Reload the page to see it." };
    case "wrong":
      return {
        ok: false,
        message: "That code didn't match.",
        fieldErrors: {
          code: ["That code didn't match. Check the app shows the provider portal account you just added, and type the code it shows now (it changes every 30 seconds)."],
        },
        values,
      };
  }
});

const REAUTH_FIELDS = ["code"] as const;
type ReauthField = (typeof REAUTH_FIELDS)[number];
const ReauthSchema = z.object({ code: z.string().trim().max(64).optional() });

/** The answer when the session's second step is too old and the code given (if any) didn't renew it. */
function freshnessRefusal(result: FreshnessRefusal, values: Partial<Record<ReauthField, string>>): FormState<ReauthField> {
  switch (result.code) {
    case "code_needed":
      return {
        ok: false,
        message: "First confirm it's you.",
        fieldErrors: { code: ["Type the code your authenticator app shows now, or one of your recovery codes, then press the button again."] },
        data: { needsCode: "1" },
      };
    case "wrong":
      return {
        ok: false,
        message: "That code didn't work.",
        fieldErrors: { code: ["That code didn't work. Type the code your authenticator app shows now, or one of your recovery codes."] },
        data: { needsCode: "1" },
        values,
      };
    case "rate_limited":
      return { ok: false, message: tooMany(result.retryAfterSeconds), data: { needsCode: "1" } };
  }
}

/** Removes the authenticator app: a fresh second step (or a code now), never the last required factor. */
export const removeAuthenticatorAction = validatedAction({ schema: ReauthSchema, fields: REAUTH_FIELDS, secretFields: REAUTH_FIELDS }, async ({ code }, { values, request }): Promise<FormState<ReauthField>> => {
  const person = await requireUser("/account/security");
  const result = await removeAuthenticator(person, code, request);
  if (result.ok) redirect("/account/security?done=authenticator-removed");
  switch (result.code) {
    case "not_set_up":
      redirect("/account/security");
    case "last_factor":
      return {
        ok: false,
        message: "Your account must keep a second step for signing in. Add a passkey first; then you can remove the authenticator app.",
      };
    default:
      return freshnessRefusal(result, values);
  }
});

/** Makes a new set of 10 recovery codes (the old ones stop working): a fresh second step, or a code now. */
export const newRecoveryCodesAction = validatedAction({ schema: ReauthSchema, fields: REAUTH_FIELDS, secretFields: REAUTH_FIELDS }, async ({ code }, { values, request }): Promise<FormState<ReauthField>> => {
  const person = await requireUser("/account/security");
  const result = await makeNewRecoveryCodes(person, code, request);
  if (result.ok) return { ok: true, data: { recoveryCodes: result.codes } };
  if (result.code === "no_factor") return { ok: false, message: "Set up an authenticator app or a passkey first: recovery codes are a backup for them." };
  return freshnessRefusal(result, values);
});
