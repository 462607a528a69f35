"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { requireUser } from "@/lib/auth/dal";
import { reRequestAccess } from "@/lib/billing/request-access";
import { revokeBillingAccess } from "@/lib/billing/revoke-billing-access";
import { kickOutbox } from "@/lib/email/worker";
import type { FormState } from "@/lib/forms/form-state";
import { validatedAction } from "@/lib/forms/validated-action";
import { describeWait } from "@/lib/rate-limit";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TAX_ID = /^\d{9}$/;
const NOTHING = z.object({});

/** Bound with the request's id: re-checked against the signed-in person in reRequestAccess. */
export async function reRequestAction(requestId: string, previous: FormState<"access">, formData: FormData): Promise<FormState<"access">> {
  if (!UUID.test(requestId)) return { ok: false, message: "This request is no longer yours to send. Reload the page." };
  const action = validatedAction({ schema: NOTHING, fields: [] as const }, async (_data, { request }) => {
    const user = await requireUser("/access");
    const result = await reRequestAccess(user.userId, requestId, request);
    if (result.ok) {
      after(kickOutbox);
      revalidatePath("/access");
      redirect(`/access?requested=${result.requestId}`);
    }
    switch (result.code) {
      case "not_expired":
        return { ok: false, message: "This request is still waiting for an answer (or was answered): reload the page to see its status." };
      case "contact_not_delegate":
        return {
          ok: false,
          message: "Your contact is no longer a delegate at this provider. Send a new request naming another contact at the provider's office.",
        };
      case "rate_limited":
        return { ok: false, message: `You have sent many requests today. Try again in ${describeWait(result.retryAfterSeconds ?? 60)}.` };
      default:
        return { ok: false, message: "This request is no longer yours to send. Reload the page." };
    }
  });
  return action(previous, formData);
}

/** Bound with the billing organization and the provider's Tax ID: re-checked in revokeBillingAccess (delegates of that Tax ID only). */
export async function revokeBillingAction(billingOrganizationId: string, providerTaxId: string, previous: FormState<"access">, formData: FormData): Promise<FormState<"access">> {
  if (!UUID.test(billingOrganizationId) || !TAX_ID.test(providerTaxId)) return { ok: false, message: "Reload the page: this access is no longer listed." };
  const action = validatedAction({ schema: NOTHING, fields: [] as const }, async (_data, { request }) => {
    const user = await requireUser("/access");
    const result = await revokeBillingAccess({ userId: user.userId, billingOrganizationId, providerTaxId }, request);
    if (!result.ok) return { ok: false, message: "This billing organization no longer has access to that Tax ID. Reload the page to see the current list." };
    after(kickOutbox);
    revalidatePath("/access");
    redirect("/access?revoked=1");
  });
  return action(previous, formData);
}
