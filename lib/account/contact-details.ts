import { db } from "@/db/client";
import { updateContactDetails } from "@/db/queries/account-settings";
import { findAccountContact } from "@/db/queries/accounts";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";

export interface ContactDetails {
  firstName: string;
  lastName: string;
  /** Ten digits. */
  phone: string;
}

/** Saves a person's own name and phone; the audit row names the fields that changed (not their values). */
export async function saveContactDetails(userId: string, details: ContactDetails, context: RequestContext, now = new Date()): Promise<{ ok: boolean; changed: string[] }> {
  return db.transaction(async (tx) => {
    const before = await findAccountContact(tx, { id: userId });
    if (!before) return { ok: false, changed: [] };
    const changed = (["firstName", "lastName", "phone"] as const).filter((field) => before[field].trim() !== details[field]);
    if (changed.length === 0) return { ok: true, changed };
    await updateContactDetails(tx, userId, { ...details, now });
    await recordAudit(tx, context, { action: "account.contact_changed", outcome: "success", actorUserId: userId, subjectUserId: userId, details: { fields: changed.join(",") } });
    return { ok: true, changed };
  });
}
