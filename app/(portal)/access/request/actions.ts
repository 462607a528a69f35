"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { requireUser } from "@/lib/auth/dal";
import { requestProviderAccess } from "@/lib/billing/request-access";
import { REQUEST_ACCESS_FIELDS, RequestAccessSchema } from "@/lib/billing/request-access-schema";
import { kickOutbox } from "@/lib/email/worker";
import { formatDate } from "@/lib/format";
import { validatedAction } from "@/lib/forms/validated-action";
import { describeWait } from "@/lib/rate-limit";

/** The FAQ's answer when the contact is not at the provider's office. */
const NOT_THE_PROVIDERS_CONTACT = "The request for access must be sent to a contact at the provider's office for approval.";

export const requestAccessAction = validatedAction({ schema: RequestAccessSchema, fields: REQUEST_ACCESS_FIELDS }, async (data, { values, request }) => {
  const user = await requireUser("/access/request");
  const result = await requestProviderAccess(user.userId, data, request);
  if (result.ok) {
    after(kickOutbox);
    revalidatePath("/access");
    redirect(`/access?requested=${result.requestId}`);
  }
  switch (result.code) {
    case "not_billing":
      return { ok: false, message: "Only billing organizations request access this way. To add a Tax ID of your own practice, use Add a Tax ID or NPI.", values };
    case "own_tax_id":
      return { ok: false, message: "Please correct the field marked below.", fieldErrors: { providerTaxId: ["This is your billing organization's own Tax ID. Enter the provider's Tax ID."] }, values };
    case "rate_limited":
      return {
        ok: false,
        message: `Too many requests could not be sent from your account or this network. For your security, requests are paused for ${describeWait(result.retryAfterSeconds)}. Check the details with the provider's office in the meantime.`,
        values,
      };
    case "provider_not_registered":
      return {
        ok: false,
        message: "Nobody at this provider has registered for the portal yet, so there is no one to approve your request. The provider must register first.",
        fieldErrors: { providerTaxId: ["No one at this Tax ID has registered yet: ask the provider's office to register, then send your request."] },
        values,
        data: { help: "find_my_delegate" },
      };
    case "contact_not_delegate":
      return {
        ok: false,
        message: NOT_THE_PROVIDERS_CONTACT,
        fieldErrors: { contactEmail: [`${NOT_THE_PROVIDERS_CONTACT} Enter the email of the provider's portal delegate, not a co-worker or manager at your organization.`] },
        values,
        data: { help: "find_my_delegate" },
      };
    case "npis_not_under_tax_id":
      return {
        ok: false,
        message: "Please correct the field marked below.",
        fieldErrors: { npis: [`${result.npis.join(", ")} ${result.npis.length > 1 ? "don't" : "doesn't"} bill under this Tax ID. Check the NPIs with the provider, or leave this empty to ask for all of them.`] },
        values,
      };
    case "already_has_access":
      return { ok: false, message: "You already have access to this Tax ID: it is listed on your Tax ID & NPI access page.", values };
    case "already_pending":
      return {
        ok: false,
        message: `You already asked for this Tax ID on ${formatDate(result.createdAt)}. The provider's office has until ${formatDate(result.expiresAt)} to answer: contact them and ask them to answer the email.`,
        values,
      };
  }
});
