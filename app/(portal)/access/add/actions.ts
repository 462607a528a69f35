"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { addAccessWithProof } from "@/lib/access/add-access";
import { ADD_ACCESS_FIELDS, AddAccessSchema, type AddAccessField } from "@/lib/access/add-access-schema";
import { requireUser } from "@/lib/auth/dal";
import { kickOutbox } from "@/lib/email/worker";
import { env } from "@/lib/env";
import type { FormState } from "@/lib/forms/form-state";
import { validatedAction } from "@/lib/forms/validated-action";
import { verificationPauseMessage } from "@/lib/registration/verification-limits";
import { formatTaxId } from "@/lib/validation";

const NO_PROOF_HELP = "If you don't have a check or notice for this Tax ID, request a PIN letter or contact a representative (below the form).";

export const addAccessAction = validatedAction({ schema: AddAccessSchema, fields: ADD_ACCESS_FIELDS }, async (data, { values, request }): Promise<FormState<AddAccessField>> => {
  const user = await requireUser("/access/add");
  const result = await addAccessWithProof(user.userId, data, request);
  if (result.ok) {
    after(kickOutbox);
    redirect(`/access?added=${result.taxId}`);
  }
  const check = data.evidence.kind === "check" ? data.evidence : null;
  switch (result.code) {
    case "not_verified":
      return {
        ok: false,
        message: check
          ? `We couldn't verify this Tax ID with these details. Check that the Tax ID, the check number and the ${
              check.proof.kind === "vendor" ? "vendor number" : "NPI"
            } are exactly as printed on a ${env().PAYER_NAME} check issued in the last 12 months, then try again. ${NO_PROOF_HELP}`
          : `We couldn't verify this Tax ID with these details. Check that the Tax ID, the NPI and the notice number are exactly as printed on a non-payment notice from the last 12 months, then try again. ${NO_PROOF_HELP}`,
        fieldErrors: check
          ? {
              taxId: ["Check this matches the Tax ID the check was issued to."],
              checkNumber: ["Check this matches the check number printed on the check."],
              [check.proof.kind === "vendor" ? "vendorNumber" : "npi"]: [
                check.proof.kind === "vendor" ? "Check this matches the vendor number printed on the check." : "Check this matches the NPI on the check.",
              ],
            }
          : {
              taxId: ["Check this matches the Tax ID on the notice."],
              noticeNpi: ["Check this matches the NPI on the notice."],
              noticeNumber: ["Check this matches the number printed on the notice."],
            },
        values,
      };
    case "missing_np_prefix":
      return {
        ok: false,
        message: 'Include the NP in front of the number, exactly as printed on the notice (like NP4400123), then try again.',
        fieldErrors: { noticeNumber: ['Include the "NP" in front of the number.'] },
        values,
      };
    case "already_has_access":
      return {
        ok: false,
        message: `You already have access to Tax ID ${formatTaxId(result.taxId)}: it is listed on your Tax ID & NPI access page. Nothing was added.`,
        values,
      };
    case "rate_limited":
      return {
        ok: false,
        message: verificationPauseMessage(result.scope, result.retryAfterSeconds),
        values,
      };
    case "account_inactive":
      return { ok: false, message: "Your account can't add access right now. Sign out, sign in again and retry; if it still fails, contact a representative.", values };
    case "billing_account":
      return { ok: false, message: "Billing organizations ask each provider for access instead: use Request access to a provider on Tax ID & NPI access.", values };
  }
});
