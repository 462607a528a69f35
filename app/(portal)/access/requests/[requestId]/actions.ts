"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { requireUser } from "@/lib/auth/dal";
import { decideAccessRequestAs } from "@/lib/billing/decide-request";
import { kickOutbox } from "@/lib/email/worker";
import type { FormState } from "@/lib/forms/form-state";
import { validatedAction } from "@/lib/forms/validated-action";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Approve or deny, always a POST from the request's page (opening the email's link changes
 * nothing). Bound with the request, the answer and the email's token (if the page was opened
 * with one); the person must be a delegate of the Tax ID, checked in decideAccessRequestAs.
 */
export async function decideAction(requestId: string, decision: "approved" | "denied", token: string | null, previous: FormState<"access">, formData: FormData): Promise<FormState<"access">> {
  if (!UUID.test(requestId) || (decision !== "approved" && decision !== "denied")) return { ok: false, message: "Reload the page: this request can't be answered from here." };
  const action = validatedAction({ schema: z.object({}), fields: [] as const }, async (_data, { request }) => {
    const user = await requireUser(`/access/requests/${requestId}`);
    const result = await decideAccessRequestAs({ userId: user.userId, requestId, decision, token }, request);
    if (result.ok || result.code === "already_answered" || result.code === "expired") {
      if (result.ok) after(kickOutbox);
      revalidatePath("/access");
      redirect(`/access/requests/${requestId}?answered=${result.ok ? "1" : "0"}`);
    }
    return { ok: false, message: result.code === "link_invalid" ? "This link doesn't belong to this request. Open the request from Tax ID & NPI access instead." : "Only a delegate of this provider's Tax ID can answer this request." };
  });
  return action(previous, formData);
}
