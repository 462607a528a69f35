"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/dal";
import { validatedAction } from "@/lib/forms/validated-action";
import { requestPinLetterForTaxId } from "@/lib/pin-letters/request-letter";
import { describeWait } from "@/lib/rate-limit";
import { ADD_TAX_ID_BY_MAIL_FIELDS, AddTaxIdByMailSchema } from "@/lib/registration/mail-registration-schema";

export const addTaxIdByMailAction = validatedAction({ schema: AddTaxIdByMailSchema, fields: ADD_TAX_ID_BY_MAIL_FIELDS }, async (data, { values, request }) => {
  const user = await requireUser("/access/add/mail");
  const result = await requestPinLetterForTaxId(user.userId, { taxId: data.taxId, npi: data.npi ?? null }, request);
  if (result.ok) {
    revalidatePath("/access");
    redirect("/access/pin");
  }
  switch (result.code) {
    case "not_listed":
      return {
        ok: false,
        message: "We couldn't find this Tax ID in our records. Check the 9 digits, or tell us the provider is not listed.",
        fieldErrors: { taxId: ["This Tax ID is not in our records. Check the digits, or choose “My provider is not listed”."] },
        values,
        data: { taxIdNotListed: "yes" },
      };
    case "npi_not_on_tax_id":
      return { ok: false, message: "This NPI doesn't bill under that Tax ID in our records.", fieldErrors: { npi: ["This NPI doesn't bill under the Tax ID above. Check it, or leave it empty."] }, values };
    case "already_active":
      return { ok: false, message: "You already have access to this Tax ID: see Tax ID & NPI access.", fieldErrors: { taxId: ["You already have access to this Tax ID."] }, values };
    case "already_pending":
      return { ok: false, message: "A PIN letter for this Tax ID is already on its way. Enter its PIN from “Enter a PIN” when it arrives.", fieldErrors: { taxId: ["A letter for this Tax ID is already on its way."] }, values };
    case "limit_reached":
      return { ok: false, message: "You've asked for 3 letters for this Tax ID in the last 30 days, the most we can send. Please call us and we'll help you.", values };
    case "rate_limited":
      return { ok: false, message: `Too many Tax ID lookups from your network. Please wait ${describeWait(result.retryAfterSeconds)} and try again.`, values };
  }
});
