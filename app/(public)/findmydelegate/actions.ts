"use server";

import { findMyDelegate } from "@/lib/delegates/find-my-delegate";
import { FIND_MY_DELEGATE_FIELDS, FindMyDelegateSchema, type FindMyDelegateField } from "@/lib/delegates/find-my-delegate-schema";
import { lookupPauseMessage } from "@/lib/delegates/lookup-limits";
import type { FormState } from "@/lib/forms/form-state";
import { validatedAction } from "@/lib/forms/validated-action";

/**
 * Public: no session. The answer travels as FormState data, already masked: nothing of a
 * delegate but initials and the first letter of the email reaches the browser.
 */
export const findMyDelegateAction = validatedAction({ schema: FindMyDelegateSchema, fields: FIND_MY_DELEGATE_FIELDS }, async (data, { values, request }): Promise<FormState<FindMyDelegateField>> => {
  const answer = await findMyDelegate(data, request);
  switch (answer.kind) {
    case "rate_limited":
      return { ok: false, message: lookupPauseMessage(answer.scope, answer.retryAfterSeconds), values };
    case "npi_mismatch":
      return {
        ok: false,
        message: "Please correct the field marked below.",
        fieldErrors: { npi: [`This NPI doesn't bill under Tax ID ${answer.taxId} in our records. Check the NPI, or leave it blank.`] },
        values,
      };
    case "not_registered":
      return { ok: true, values, data: { answer: "not_registered", taxId: answer.taxId } };
    case "registered":
      return {
        ok: true,
        values,
        data: {
          answer: "registered",
          taxId: answer.taxId,
          organizationName: answer.organizationName ?? `Tax ID ${answer.taxId}`,
          delegates: answer.delegates.map((delegate) => `${delegate.name}, ${delegate.email}`),
        },
      };
  }
});
