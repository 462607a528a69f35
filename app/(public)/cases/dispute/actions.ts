"use server";

import { disputeDepartedClaim } from "@/lib/cases/dispute-departed-claim";
import { DISPUTE_FIELDS, type DisputeField, disputeLinkMessages, DisputeSchema } from "@/lib/cases/dispute-schema";
import { formatCaseNumber } from "@/lib/cases/open-case";
import type { FormState } from "@/lib/forms/form-state";
import { validatedAction } from "@/lib/forms/validated-action";

/** The token in the form is the only credential: the link was emailed to that delegate alone. */
export const disputeAction = validatedAction({ schema: DisputeSchema, fields: DISPUTE_FIELDS }, async (data, { values, request }): Promise<FormState<DisputeField>> => {
  const result = await disputeDepartedClaim(data, request);
  if (result.ok) {
    return { ok: true, message: "Thank you. A representative will review the registration and contact you.", data: { caseNumber: formatCaseNumber(result.caseNumber) } };
  }
  return { ok: false, message: disputeLinkMessages[result.reason], values, data: { linkProblem: result.reason } };
});
