"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { requirePasswordSession } from "@/lib/auth/dal";
import { beginPasskeySignIn, finishPasskeySignIn } from "@/lib/auth/passkeys/authentication";
import { validatedAction } from "@/lib/forms/validated-action";
import { describeWait } from "@/lib/rate-limit";

const FIELDS = ["response", "callbackUrl"] as const;
const OTHER_WAY = "or use one of the other ways below";

/** The browser gets options that allow only this account's passkeys; the challenge stays on the server. */
export const beginPasskeySignInAction = validatedAction({ schema: z.object({ callbackUrl: z.string().optional() }), fields: FIELDS, secretFields: ["response"] }, async (_data, { values }) => {
  const session = await requirePasswordSession();
  const options = await beginPasskeySignIn(session);
  if (!options) return { ok: false, message: `Your account has no passkeys yet. Sign in another way below, then add one under Passkeys.`, values };
  return { ok: true, values, data: { options: JSON.stringify(options) } };
});

const FinishSchema = z.object({
  response: z.string({ error: "Your browser didn't send the passkey. Press “Use your passkey” to try again." }).min(1).max(64_000),
  callbackUrl: z.string().optional(),
});

export const finishPasskeySignInAction = validatedAction({ schema: FinishSchema, fields: FIELDS, secretFields: ["response"] }, async ({ response, callbackUrl }, { values, request }) => {
  const session = await requirePasswordSession();
  const result = await finishPasskeySignIn(session, response, request);
  if (result.ok) return { ok: true, data: { next: safeCallbackUrl(callbackUrl) } };
  switch (result.code) {
    case "session_ended":
      redirect("/signin");
    // falls through (redirect throws)
    case "rate_limited":
      return {
        ok: false,
        message: `Too many unsuccessful tries. For your security, signing in with a passkey is paused: try again in ${describeWait(result.retryAfterSeconds ?? 15 * 60)}, ${OTHER_WAY}.`,
        values,
      };
    case "expired":
      return { ok: false, message: "This request took too long or was already used. Press “Use your passkey” to try again.", values };
    case "not_registered":
      return { ok: false, message: `This passkey isn't registered to your account. Choose the passkey you added for this account, ${OTHER_WAY}.`, values };
    case "counter":
      return {
        ok: false,
        message: `We couldn't accept this passkey: it reported fewer uses than before, which can mean it was copied. Sign in ${OTHER_WAY}, then remove this passkey and add it again.`,
        values,
      };
    case "not_verified":
      return { ok: false, message: `We couldn't verify this passkey. Press “Use your passkey” to try again, ${OTHER_WAY}.`, values };
  }
});
