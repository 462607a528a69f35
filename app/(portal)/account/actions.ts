"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { changePassword } from "@/lib/account/change-password";
import { saveContactDetails } from "@/lib/account/contact-details";
import { requestEmailChange } from "@/lib/account/email-change";
import { ChangeEmailSchema, ChangePasswordSchema, ContactDetailsSchema, SessionIdSchema } from "@/lib/account/schemas";
import { endOtherSessions, endOwnSession } from "@/lib/account/sessions";
import { signOut } from "@/lib/auth";
import { requireUser } from "@/lib/auth/dal";
import { validatedAction } from "@/lib/forms/validated-action";

const WRONG_CURRENT = "That isn't your current password. Check it and try again.";

// Every action checks the session itself: the proxy only redirects.

export const saveContactDetailsAction = validatedAction(
  { schema: ContactDetailsSchema, fields: ["firstName", "lastName", "phone"] as const },
  async (details, { values, request }) => {
    const user = await requireUser("/account/contact");
    const result = await saveContactDetails(user.userId, details, request);
    if (!result.ok) return { ok: false, message: "We couldn't find your account. Sign out and sign in again.", values };
    // The name is in every signed-in page's header.
    revalidatePath("/", "layout");
    redirect("/account?saved=contact");
  },
);

export const changePasswordAction = validatedAction(
  { schema: ChangePasswordSchema, fields: ["currentPassword", "password", "confirmPassword"] as const, secretFields: ["currentPassword", "password", "confirmPassword"] },
  async ({ currentPassword, password }, { request }) => {
    const user = await requireUser("/account/password");
    const result = await changePassword({ userId: user.userId, sessionId: user.sessionId }, { currentPassword, newPassword: password }, request);
    if (result.ok) redirect("/account?saved=password");
    if (result.code === "rate_limited") {
      return { ok: false, message: `Too many wrong passwords. For your security, please wait ${result.wait} and try again. Your password has not changed.` };
    }
    if (result.code === "weak_password") {
      return { ok: false, message: "Please choose a stronger password. Your password has not changed.", fieldErrors: { password: [result.message] } };
    }
    return { ok: false, message: "Please correct the field marked below.", fieldErrors: { currentPassword: [WRONG_CURRENT] } };
  },
);

export const changeEmailAction = validatedAction(
  { schema: ChangeEmailSchema, fields: ["newEmail", "currentPassword"] as const, secretFields: ["currentPassword"] },
  async ({ newEmail, currentPassword }, { values, request }) => {
    const user = await requireUser("/account/email");
    const result = await requestEmailChange(user.userId, { currentPassword, newEmail }, request);
    if (result.ok) redirect("/account?saved=email");
    if (result.code === "rate_limited") {
      return { ok: false, message: `Too many attempts. For your security, please wait ${result.wait} and try again. Your email address has not changed.`, values };
    }
    if (result.code === "same_email") {
      return { ok: false, message: "Please correct the field marked below.", fieldErrors: { newEmail: ["That is already your email address. Enter the new one."] }, values };
    }
    return { ok: false, message: "Please correct the field marked below.", fieldErrors: { currentPassword: [WRONG_CURRENT] }, values };
  },
);

export const endSessionAction = validatedAction({ schema: SessionIdSchema, fields: ["sessionId"] as const }, async ({ sessionId }, { request }) => {
  const user = await requireUser("/account/sessions");
  const ended = await endOwnSession(user, sessionId, request);
  if (!ended) return { ok: false, message: "That session has already ended or isn't yours. Reload the page to see where you are signed in." };
  // Ending this device's own session is signing out.
  if (sessionId === user.sessionId) await signOut({ redirectTo: "/signin?signedOut=1" });
  redirect("/account/sessions?ended=1");
});

export const endOtherSessionsAction = validatedAction({ schema: SessionIdSchema.partial(), fields: [] as const }, async (_data, { request }) => {
  const user = await requireUser("/account/sessions");
  const count = await endOtherSessions(user, request);
  redirect(`/account/sessions?endedOthers=${count}`);
});
