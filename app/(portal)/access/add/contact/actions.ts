"use server";

import { after } from "next/server";
import { askRepresentativeForAccess } from "@/lib/access/contact-representative";
import { CONTACT_REPRESENTATIVE_FIELDS, ContactRepresentativeSchema, type ContactRepresentativeField } from "@/lib/access/contact-representative-schema";
import { requireUser } from "@/lib/auth/dal";
import { kickOutbox } from "@/lib/email/worker";
import type { FormState } from "@/lib/forms/form-state";
import { validatedAction } from "@/lib/forms/validated-action";

export const contactRepresentativeAction = validatedAction(
  { schema: ContactRepresentativeSchema, fields: CONTACT_REPRESENTATIVE_FIELDS },
  async (data, { values, request }): Promise<FormState<ContactRepresentativeField>> => {
    const user = await requireUser("/access/add/contact");
    const result = await askRepresentativeForAccess(user.userId, data, request);
    if (!result.ok) {
      return { ok: false, message: "Your account can't send requests right now. Sign out, sign in again and retry.", values };
    }
    after(kickOutbox);
    return { ok: true, message: `We received your request. Your case number is ${result.caseNumber}.`, data: { caseNumber: result.caseNumber }, values };
  },
);
