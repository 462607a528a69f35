"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/dal";
import { env } from "@/lib/env";
import type { FormState } from "@/lib/forms/form-state";
import { validatedAction } from "@/lib/forms/validated-action";
import { enterPin } from "@/lib/pin-letters/enter-pin";
import { requestNewPinLetter } from "@/lib/pin-letters/request-letter";
import { formatDate } from "@/lib/format";
import { PinSchema } from "@/lib/validation/pin";

const PIN_FIELDS = ["pin"] as const;
type PinField = (typeof PIN_FIELDS)[number];

/** Checks the PIN of the signed-in person's pending grant (its id is bound by the page and re-checked by enterPin). */
export async function enterPinAction(grantId: string, previous: FormState<PinField>, formData: FormData): Promise<FormState<PinField>> {
  const run = validatedAction({ schema: z.object({ pin: PinSchema }), fields: PIN_FIELDS, secretFields: PIN_FIELDS }, async ({ pin }, { request }) => {
    const user = await requireUser();
    const result = await enterPin(user.userId, grantId, pin, request);
    if (result.ok) {
      revalidatePath("/", "layout");
      redirect("/access?pin=accepted");
    }
    // The letter's state changed (tries left, voided): the page around the form shows it.
    revalidatePath("/", "layout");
    const phone = env().PAYER_PHONE;
    switch (result.code) {
      case "wrong_pin":
        return {
          ok: false,
          message: `That PIN doesn't match the letter. Check each character and type it again: you have ${result.triesLeft} ${result.triesLeft === 1 ? "try" : "tries"} left on this letter.`,
          fieldErrors: { pin: [`This PIN doesn't match. ${result.triesLeft} ${result.triesLeft === 1 ? "try" : "tries"} left.`] },
        };
      case "voided":
        return { ok: false, message: "This letter no longer works: its PIN was entered wrongly 5 times, or a newer letter replaced it. Ask for a new letter below." };
      case "expired":
        return { ok: false, message: "This letter's PIN has expired. Ask for a new letter below." };
      case "account_locked":
        return { ok: false, message: `Too many wrong PINs were entered for your account, so PIN entry is paused for your security. Please call us at ${phone} and we'll help you finish.` };
      case "no_letter":
        return { ok: false, message: "We couldn't find a letter waiting for this PIN. Reload the page to see where your registration stands." };
    }
  });
  return run(previous, formData);
}

/** Mails a new letter for the signed-in person's pending grant (voiding the previous one). */
export async function requestNewLetterAction(grantId: string, previous: FormState<never>, formData: FormData): Promise<FormState<never>> {
  const run = validatedAction({ schema: z.object({}), fields: [] }, async (_data, { request }) => {
    const user = await requireUser();
    const result = await requestNewPinLetter(user.userId, grantId, request);
    revalidatePath("/", "layout");
    if (result.ok) {
      return { ok: true, message: `A new letter is on its way. Its PIN works until ${formatDate(result.expiresAt)}; the previous letter no longer works.` };
    }
    if (result.code === "limit_reached") {
      return { ok: false, message: `You've asked for 3 letters for this Tax ID in the last 30 days, the most we can send. Please call us at ${env().PAYER_PHONE} and we'll help you.` };
    }
    return { ok: false, message: "We couldn't find this registration any more. Reload the page to see where it stands." };
  });
  return run(previous, formData);
}
