"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/dal";
import { validatedAction } from "@/lib/forms/validated-action";
import { acceptAsNewAccount, acceptAsSignedIn, type AcceptRefusal } from "@/lib/invitations/accept-invitation";
import { FirstNameSchema, LastNameSchema, PasswordSchema, PhoneSchema } from "@/lib/validation";
import { refinePasswordStrength } from "@/lib/validation/password-strength";

const REFUSALS: Record<AcceptRefusal, string> = {
  invalid: "This invitation link isn't valid. Open the link from the newest invitation email again, or ask the person who invited you to send a new one.",
  expired: "This invitation has expired. Ask the person who invited you to send it again.",
  used: "This invitation has already been used. Sign in with your email and password.",
  cancelled: "This invitation was cancelled. Ask the person who invited you if you still need access.",
  account_exists: "This email address already has an account. Sign in with it, then open the invitation link again to accept.",
  inviter_not_delegate: "The person who invited you can no longer give access to this organization. Ask your organization's current delegate to invite you.",
  wrong_account: "This invitation is for another email address. Sign out, then sign in with the address the invitation was sent to.",
  not_provider: "This invitation is for a provider's office and can't be added to this kind of account. Ask the person who invited you for help.",
  not_billing: "This invitation is for a billing organization and can't be added to this kind of account. Ask the person who invited you for help.",
};

const AcceptNewSchema = z.object({
  token: z.string().min(1, "Open the link from your invitation email again."),
  firstName: FirstNameSchema,
  lastName: LastNameSchema,
  phone: PhoneSchema,
  password: PasswordSchema,
}).superRefine((value, context) => refinePasswordStrength(value, context));

export const acceptAsNewAccountAction = validatedAction(
  { schema: AcceptNewSchema, fields: ["token", "firstName", "lastName", "phone", "password"] as const, secretFields: ["password"] },
  async ({ token, ...person }, { values, request }) => {
    const result = await acceptAsNewAccount(token, person, request);
    if (result.ok) redirect("/signin?confirmed=1");
    if (result.code === "weak_password") return { ok: false, message: "Please correct the field marked below.", fieldErrors: { password: [result.message] }, values };
    return { ok: false, message: REFUSALS[result.code], values };
  },
);

export const acceptAsSignedInAction = validatedAction({ schema: z.object({ token: z.string().min(1) }), fields: ["token"] as const }, async ({ token }, { request }) => {
  const user = await requireUser(`/invitation?token=${encodeURIComponent(token)}`);
  const result = await acceptAsSignedIn(token, user, request);
  if (result.ok) redirect("/access");
  return { ok: false, message: REFUSALS[result.code] };
});
