"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { db } from "@/db/client";
import { listMembershipsForUser } from "@/db/queries/organizations";
import { requireAnyDelegate, requireDelegateOfOrganization } from "@/lib/auth/dal";
import { kickOutbox } from "@/lib/email/worker";
import type { FormState } from "@/lib/forms/form-state";
import { validatedAction } from "@/lib/forms/validated-action";
import { INVITE_FIELDS, InviteSchema, type InviteField } from "@/lib/invitations/invite-schema";
import { cancelInvitation, resendInvitation, sendInvitation } from "@/lib/invitations/send-invitation";
import { describeWait } from "@/lib/rate-limit";
import { AccessChoicesSchema, withAccessField } from "@/lib/users/access-form";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { changeMemberAccess, changeMemberRole, handOverDelegateRole, type MemberChangeResult } from "@/lib/users/member-changes";
import type { MemberChangeRefusal } from "@/lib/users/guards";

const invite = validatedAction({ schema: InviteSchema, fields: INVITE_FIELDS }, async (data, { values, request }) => {
  // Each organization chosen is re-checked against the caller's delegate roles in sendInvitation.
  const user = await requireAnyDelegate("/users/invite");
  const result = await sendInvitation(data, { userId: user.userId, firstName: user.firstName, lastName: user.lastName }, request);
  if (result.ok) {
    after(kickOutbox);
    revalidatePath("/users");
    redirect("/users?invited=1");
  }
  switch (result.code) {
    case "invalid_access":
      return { ok: false, message: "Please correct the field marked below.", fieldErrors: { access: result.errors }, values };
    case "already_member":
      return {
        ok: false,
        message: `This person is already a user of ${result.organizationName}.`,
        fieldErrors: { email: [`Already a user of ${result.organizationName}: open their name on the Users page to change their access.`] },
        values,
      };
    case "rate_limited":
      return { ok: false, message: `You have sent many invitations today. Please wait ${describeWait(result.retryAfterSeconds)} and try again, or call Provider Services if it's urgent.`, values };
  }
});

/** The picker's inputs travel as several fields; they are folded into one before validating. */
export async function inviteAction(previous: FormState<InviteField>, formData: FormData): Promise<FormState<InviteField>> {
  return invite(previous, withAccessField(formData));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Bound ids come back from the browser: anything but a UUID is refused before it reaches a query. */
const validIds = (...ids: string[]) => ids.every((id) => typeof id === "string" && UUID.test(id));

const REFUSALS: Record<MemberChangeRefusal, string> = {
  not_found: "This person or Tax ID is no longer one you manage. Reload the Users page to see the current list.",
  last_delegate: "Every Tax ID needs at least one delegate. Make another user a delegate first, then try again.",
  invalid_access: "Choose at least one NPI, or choose “All NPIs”.",
  self: "You can't do this to your own account. Ask another delegate, or hand the delegate role on first.",
};

function answer(result: MemberChangeResult, success: string, path: string): FormState<"access"> {
  if (!result.ok) return { ok: false, message: REFUSALS[result.code], fieldErrors: result.errors ? { access: result.errors } : undefined };
  revalidatePath(path);
  revalidatePath("/users");
  return { ok: true, message: result.changed ? success : "Nothing changed: that is already their access." };
}

const ChangeAccessSchema = z.object({ access: AccessChoicesSchema });

/**
 * Bound with a grantable unit's key (for a provider, its organization id) and the person; both
 * are re-checked: the key against what the caller may give now, the membership under lock.
 * A unit left out of the form (its "No access" choice) takes the access away.
 */
export async function changeAccessAction(key: string, userId: string, previous: FormState<"access">, formData: FormData): Promise<FormState<"access">> {
  if (!validIds(key, userId)) return { ok: false, message: REFUSALS.not_found };
  const action = validatedAction({ schema: ChangeAccessSchema, fields: ["access"] as const }, async (data, { values, request }) => {
    const delegate = await requireAnyDelegate(`/users/${userId}`);
    const choice = data.access.find((item) => item.key === key);
    const result = await changeMemberAccess({ delegateUserId: delegate.userId, key, targetUserId: userId, npis: choice ? choice.npis : "none" }, request);
    return { ...answer(result, choice ? "Access changed. It applies from their next page." : "Access removed. It ends from their next page.", `/users/${userId}`), values };
  });
  return action(previous, withAccessField(formData));
}

export async function changeRoleAction(organizationId: string, userId: string, role: "delegate" | "user", previous: FormState<"access">, formData: FormData): Promise<FormState<"access">> {
  if (!validIds(organizationId, userId) || (role !== "delegate" && role !== "user")) return { ok: false, message: REFUSALS.not_found };
  const action = validatedAction({ schema: z.object({}), fields: [] as const }, async (_data, { request }) => {
    const delegate = await requireDelegateOfOrganization(organizationId);
    const result = await changeMemberRole({ delegateUserId: delegate.user.userId, organizationId, targetUserId: userId, role }, request);
    return answer(result, role === "delegate" ? "They are now a delegate." : "They are now a user.", `/users/${userId}`);
  });
  return action(previous, formData);
}

export async function handOverAction(organizationId: string, userId: string, previous: FormState<"access">, formData: FormData): Promise<FormState<"access">> {
  if (!validIds(organizationId, userId)) return { ok: false, message: REFUSALS.not_found };
  const action = validatedAction({ schema: z.object({}), fields: [] as const }, async (_data, { request }) => {
    const delegate = await requireDelegateOfOrganization(organizationId);
    const result = await handOverDelegateRole({ delegateUserId: delegate.user.userId, organizationId, targetUserId: userId }, request);
    if (!result.ok) return answer(result, "", "/users");
    revalidatePath("/", "layout");
    // Read fresh (not the request's cached roles): after handing over, the person may manage nothing any more.
    const stillDelegate = (await listMembershipsForUser(db, delegate.user.userId)).some((membership) => membership.role === "delegate");
    redirect(stillDelegate ? "/users?handedOver=1" : "/access");
  });
  return action(previous, formData);
}

export async function deactivateAction(userId: string, previous: FormState<"access">, formData: FormData): Promise<FormState<"access">> {
  if (!validIds(userId)) return { ok: false, message: REFUSALS.not_found };
  const action = validatedAction({ schema: z.object({}), fields: [] as const }, async (_data, { request }) => {
    const user = await requireAnyDelegate("/users");
    const result = await deactivateUser({ delegateUserId: user.userId, targetUserId: userId }, request);
    if (!result.ok) return { ok: false, message: REFUSALS[result.code] };
    revalidatePath("/users");
    redirect("/users?deactivated=1");
  });
  return action(previous, formData);
}

export async function cancelInvitationAction(invitationId: string, previous: FormState<"access">, formData: FormData): Promise<FormState<"access">> {
  if (!validIds(invitationId)) return { ok: false, message: REFUSALS.not_found };
  const action = validatedAction({ schema: z.object({}), fields: [] as const }, async (_data, { request }) => {
    const user = await requireAnyDelegate("/users");
    const result = await cancelInvitation(invitationId, user.userId, request);
    if (!result.ok) return { ok: false, message: "This invitation was already used or cancelled. Reload the page to see the current list." };
    revalidatePath("/users");
    return { ok: true, message: `Invitation to ${result.email} cancelled: its link no longer works.` };
  });
  return action(previous, formData);
}

export async function resendInvitationAction(invitationId: string, previous: FormState<"access">, formData: FormData): Promise<FormState<"access">> {
  if (!validIds(invitationId)) return { ok: false, message: REFUSALS.not_found };
  const action = validatedAction({ schema: z.object({}), fields: [] as const }, async (_data, { request }) => {
    const user = await requireAnyDelegate("/users");
    const result = await resendInvitation(invitationId, { userId: user.userId, firstName: user.firstName, lastName: user.lastName }, request);
    if (!result.ok) {
      return {
        ok: false,
        message: result.code === "rate_limited" ? `You have sent many invitations today. Please wait ${describeWait(result.retryAfterSeconds)} and try again.` : "This invitation was already used or cancelled. Reload the page to see the current list.",
      };
    }
    after(kickOutbox);
    revalidatePath("/users");
    return { ok: true, message: `Invitation sent again to ${result.email}, with a new link valid for 7 days.` };
  });
  return action(previous, formData);
}
