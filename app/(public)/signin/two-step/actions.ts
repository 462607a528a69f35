"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { requirePasswordSession } from "@/lib/auth/dal";
import { passSecondStep } from "@/lib/auth/mfa/check-code";
import { normalizeRecoveryCode } from "@/lib/auth/mfa/recovery-codes";
import { normalizeTotpCode } from "@/lib/auth/mfa/totp";
import type { FormState } from "@/lib/forms/form-state";
import { validatedAction } from "@/lib/forms/validated-action";
import { describeWait } from "@/lib/rate-limit";

const CODE_FIELDS = ["code", "callbackUrl"] as const;
type CodeField = (typeof CODE_FIELDS)[number];

const TotpSchema = z.object({
  code: z
    .string({ error: "Type the 6-digit code from your authenticator app." })
    .trim()
    .min(1, "Type the 6-digit code from your authenticator app.")
    .refine((value) => /^\d{6}$/.test(normalizeTotpCode(value)), "The code is 6 digits, like 123456. Type the one your app shows now."),
  callbackUrl: z.string().optional(),
});

const RecoverySchema = z.object({
  code: z
    .string({ error: "Type one of your recovery codes." })
    .trim()
    .min(1, "Type one of your recovery codes.")
    .refine((value) => normalizeRecoveryCode(value) !== null, "A recovery code has 10 letters and digits, like abcd-efgh-jk. Check it and type it again."),
  callbackUrl: z.string().optional(),
});

function refusal(kind: "totp" | "recovery_code", code: "wrong" | "rate_limited", retryAfterSeconds = 0, values: Partial<Record<CodeField, string>>): FormState<CodeField> {
  if (code === "rate_limited") {
    return {
      ok: false,
      message: `Too many wrong codes. For your security, codes are paused: please try again in ${describeWait(retryAfterSeconds)}.`,
      values,
    };
  }
  return kind === "totp"
    ? {
        ok: false,
        message: "That code didn't work.",
        fieldErrors: { code: ["That code didn't work. Type the code your authenticator app shows now (it changes every 30 seconds), or use a recovery code."] },
        values,
      }
    : {
        ok: false,
        message: "That recovery code didn't work.",
        fieldErrors: { code: ["That recovery code didn't work: it may have been used already. Check it, or try another of your codes."] },
        values,
      };
}

function secondStepAction(kind: "totp" | "recovery_code") {
  return validatedAction({ schema: kind === "totp" ? TotpSchema : RecoverySchema, fields: CODE_FIELDS }, async ({ code, callbackUrl }, { values, request }) => {
    const target = safeCallbackUrl(callbackUrl);
    const session = await requirePasswordSession(target);
    const result = await passSecondStep(session, kind, code, request);
    if (result.ok) redirect(target);
    return refusal(kind, result.code, result.code === "rate_limited" ? result.retryAfterSeconds : 0, values);
  });
}

export const verifyAuthenticatorCodeAction = secondStepAction("totp");
export const verifyRecoveryCodeAction = secondStepAction("recovery_code");
