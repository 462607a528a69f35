"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/dal";
import { kickOutbox } from "@/lib/email/worker";
import type { FormState } from "@/lib/forms/form-state";
import { validatedAction } from "@/lib/forms/validated-action";
import { deactivateDepartedDelegate } from "@/lib/staff/cases/deactivate-departed-delegate";
import { grantFromNotListedCase } from "@/lib/staff/cases/grant-from-not-listed";
import { addCaseNote, assignCaseToSelf, NOTE_MAX, replyToRequester, resolveCase, type CaseActionRefusal, type CaseActionResult } from "@/lib/staff/cases/work-case";

export type CaseFormField = "body" | "message" | "note" | "delegateUserId";
export type CaseFormState = FormState<CaseFormField>;

const REFUSALS: Record<CaseActionRefusal, string> = {
  not_staff: "Only representatives can do this.",
  not_found: "This case no longer exists. Go back to the queue.",
  resolved: "This case is already resolved. Reload the page to see its history.",
  wrong_type: "This action does not apply to this kind of case.",
  no_account: "The person who asked has no active provider account with this email address. Ask them to create one first, then grant access.",
  not_in_records: "This Tax ID is not in the health plan's records yet. Add it to the records first, then grant access.",
  not_a_delegate: "This person is no longer a delegate of this Tax ID. Reload the page to see its current delegates.",
  registrant_not_delegate: "The person who made the claim is not an active delegate of this Tax ID (their email may not be confirmed yet), so the Tax ID would be left without one.",
  already_has_access: "They already have access to this Tax ID.",
};

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .max(max, `Keep it under ${max} characters.`);

function answer(caseNumber: number, result: CaseActionResult, done: string, unchanged = done): CaseFormState {
  if (!result.ok) return { ok: false, message: REFUSALS[result.code] };
  revalidatePath(`/staff/cases/${caseNumber}`);
  revalidatePath("/staff/cases");
  return { ok: true, message: result.changed ? done : unchanged };
}

const validNumber = (caseNumber: number) => Number.isSafeInteger(caseNumber) && caseNumber > 0;

export async function addNoteAction(caseNumber: number, previous: CaseFormState, formData: FormData): Promise<CaseFormState> {
  if (!validNumber(caseNumber)) return { ok: false, message: REFUSALS.not_found };
  const action = validatedAction({ schema: z.object({ body: text("a note", NOTE_MAX) }), fields: ["body"] as const }, async (data, { values, request }) => {
    const user = await requireStaff(`/staff/cases/${caseNumber}`);
    const result = await addCaseNote({ staffUserId: user.userId, caseNumber, body: data.body }, request);
    return result.ok ? answer(caseNumber, result, "Note added to the history.") : { ...answer(caseNumber, result, ""), values };
  });
  return action(previous, formData);
}

export async function assignToMeAction(caseNumber: number, previous: CaseFormState, formData: FormData): Promise<CaseFormState> {
  if (!validNumber(caseNumber)) return { ok: false, message: REFUSALS.not_found };
  const action = validatedAction({ schema: z.object({}), fields: [] as const }, async (_data, { request }) => {
    const user = await requireStaff(`/staff/cases/${caseNumber}`);
    return answer(caseNumber, await assignCaseToSelf({ staffUserId: user.userId, caseNumber }, request), "The case is assigned to you.", "The case was already assigned to you.");
  });
  return action(previous, formData);
}

export async function replyAction(caseNumber: number, previous: CaseFormState, formData: FormData): Promise<CaseFormState> {
  if (!validNumber(caseNumber)) return { ok: false, message: REFUSALS.not_found };
  const action = validatedAction({ schema: z.object({ message: text("your reply", NOTE_MAX) }), fields: ["message"] as const }, async (data, { values, request }) => {
    const user = await requireStaff(`/staff/cases/${caseNumber}`);
    const result = await replyToRequester({ staffUserId: user.userId, caseNumber, message: data.message }, request);
    if (!result.ok) return { ...answer(caseNumber, result, ""), values };
    after(kickOutbox);
    return answer(caseNumber, result, "Reply sent by email. It is in the history.");
  });
  return action(previous, formData);
}

export async function resolveAction(caseNumber: number, previous: CaseFormState, formData: FormData): Promise<CaseFormState> {
  if (!validNumber(caseNumber)) return { ok: false, message: REFUSALS.not_found };
  const schema = z.object({ note: z.string().trim().max(NOTE_MAX, `Keep it under ${NOTE_MAX} characters.`).optional().transform((value) => value || null) });
  const action = validatedAction({ schema, fields: ["note"] as const }, async (data, { values, request }) => {
    const user = await requireStaff(`/staff/cases/${caseNumber}`);
    const result = await resolveCase({ staffUserId: user.userId, caseNumber, note: data.note }, request);
    return result.ok ? answer(caseNumber, result, "Case resolved.") : { ...answer(caseNumber, result, ""), values };
  });
  return action(previous, formData);
}

export async function deactivateDelegateAction(caseNumber: number, previous: CaseFormState, formData: FormData): Promise<CaseFormState> {
  if (!validNumber(caseNumber)) return { ok: false, message: REFUSALS.not_found };
  const schema = z.object({ delegateUserId: z.uuid("Choose the delegate who left.") });
  const action = validatedAction({ schema, fields: ["delegateUserId"] as const }, async (data, { request }) => {
    const user = await requireStaff(`/staff/cases/${caseNumber}`);
    const result = await deactivateDepartedDelegate({ staffUserId: user.userId, caseNumber, delegateUserId: data.delegateUserId }, request);
    return answer(caseNumber, result, "The old delegate is deactivated: their membership, access and sessions ended. It is in the history.");
  });
  return action(previous, formData);
}

export async function grantAccessAction(caseNumber: number, previous: CaseFormState, formData: FormData): Promise<CaseFormState> {
  if (!validNumber(caseNumber)) return { ok: false, message: REFUSALS.not_found };
  const action = validatedAction({ schema: z.object({}), fields: [] as const }, async (_data, { request }) => {
    const user = await requireStaff(`/staff/cases/${caseNumber}`);
    return answer(caseNumber, await grantFromNotListedCase({ staffUserId: user.userId, caseNumber }, request), "Access granted. It is in the history.");
  });
  return action(previous, formData);
}
