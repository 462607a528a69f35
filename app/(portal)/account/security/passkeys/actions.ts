"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { requirePasskeyPage } from "@/lib/auth/passkeys/access";
import { removePasskey, renamePasskey } from "@/lib/auth/passkeys/manage";
import { PasskeyNameSchema } from "@/lib/auth/passkeys/passkey-name";
import { beginPasskeyRegistration, finishPasskeyRegistration, PASSKEYS_PATH } from "@/lib/auth/passkeys/registration";
import { kickOutbox } from "@/lib/email/worker";
import type { FormState } from "@/lib/forms/form-state";
import { validatedAction } from "@/lib/forms/validated-action";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = "This passkey is no longer on your account. Reload the page to see your passkeys.";

/** Step 1 of adding: the name is checked, then the browser gets the options (and the server keeps the challenge). */
export const beginAddPasskeyAction = validatedAction({ schema: z.object({ name: PasskeyNameSchema }), fields: ["name", "response", "callbackUrl"] as const }, async (_data, { values }) => {
  const { user } = await requirePasskeyPage();
  const options = await beginPasskeyRegistration(user);
  return { ok: true, values, data: { options: JSON.stringify(options) } };
});

const FinishSchema = z.object({
  name: PasskeyNameSchema,
  response: z.string({ error: "Your browser didn't send the passkey. Press “Add passkey” to try again." }).min(1).max(64_000),
  callbackUrl: z.string().optional(),
});

const ADD_REFUSALS = {
  expired: "This request took too long or was already used. Press “Add passkey” to try again.",
  not_verified: "We couldn't verify the passkey your device made, so it wasn't added. Press “Add passkey” to try again, or try another device.",
  already_registered: "This passkey is already registered, so there is nothing to add. Use it when you sign in, or add a passkey on another device.",
} as const;

/** Step 2 of adding: the browser's answer is verified and the passkey saved (audited, emailed). */
export const finishAddPasskeyAction = validatedAction(
  { schema: FinishSchema, fields: ["name", "response", "callbackUrl"] as const, secretFields: ["response"] },
  async ({ name, response, callbackUrl }, { values, request }) => {
    const { user, firstFactor } = await requirePasskeyPage();
    const result = await finishPasskeyRegistration(user, { name, response, firstFactor }, request);
    if (!result.ok) return { ok: false, message: ADD_REFUSALS[result.code], values };
    after(kickOutbox);
    revalidatePath(PASSKEYS_PATH);
    const next = result.completedSecondStep ? safeCallbackUrl(callbackUrl) : undefined;
    // A first factor comes with recovery codes, shown once before the person goes on.
    if (result.recoveryCodes) {
      const data: Record<string, string | string[]> = { codes: result.recoveryCodes };
      if (next) data.continueTo = next;
      return { ok: true, message: `Your passkey “${name}” is added. Use it the next time you sign in.`, data };
    }
    if (next) return { ok: true, data: { next } };
    return { ok: true, message: `Your passkey “${name}” is added. Use it the next time you sign in.` };
  },
);

export async function renamePasskeyAction(passkeyId: string, previous: FormState<"name">, formData: FormData): Promise<FormState<"name">> {
  if (typeof passkeyId !== "string" || !UUID.test(passkeyId)) return { ok: false, message: NOT_FOUND };
  const action = validatedAction({ schema: z.object({ name: PasskeyNameSchema }), fields: ["name"] as const }, async ({ name }, { values, request }) => {
    const { user } = await requirePasskeyPage();
    const result = await renamePasskey(user, passkeyId, name, request);
    if (!result.ok) return { ok: false, message: NOT_FOUND, values };
    revalidatePath(PASSKEYS_PATH);
    return { ok: true, message: result.changed ? `Renamed to “${name}”.` : "That is already its name." };
  });
  return action(previous, formData);
}

export async function removePasskeyAction(passkeyId: string, previous: FormState, formData: FormData): Promise<FormState> {
  if (typeof passkeyId !== "string" || !UUID.test(passkeyId)) return { ok: false, message: NOT_FOUND };
  const action = validatedAction({ schema: z.object({}), fields: [] as const }, async (_data, { request }) => {
    const { user } = await requirePasskeyPage();
    const result = await removePasskey(user, passkeyId, request);
    if (result.ok) {
      after(kickOutbox);
      revalidatePath(PASSKEYS_PATH);
      redirect(`${PASSKEYS_PATH}?removed=1`);
    }
    switch (result.code) {
      case "not_fresh":
        return {
          ok: false,
          message: "For your security, removing a passkey needs you to confirm it's you again (you last did more than 10 minutes ago).",
          data: { reverify: `/signin/two-step/passkey?callbackUrl=${encodeURIComponent(PASSKEYS_PATH)}` },
        };
      case "last_factor":
        return { ok: false, message: "This is the only way you have to confirm it's you when you sign in, and your account must have one. Add another passkey or an authenticator app first, then remove this one." };
      case "not_found":
        return { ok: false, message: NOT_FOUND };
    }
  });
  return action(previous, formData);
}
