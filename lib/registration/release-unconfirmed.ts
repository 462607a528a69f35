import type { Executor } from "@/db/client";
import { endLiveGrantsForTaxIds } from "@/db/queries/access";
import { listUnconfirmedMemberships, removeMembership } from "@/db/queries/organizations";
import { recordAudit } from "@/lib/audit";

/**
 * Releases registrations whose email was not confirmed within its 24 hours: the membership
 * (and the delegate role with it) and the access end, so that the next registrant of the Tax
 * ID is not blocked by someone who never finished. Pass organization ids to release only those.
 */
export async function releaseUnconfirmedRegistrations(executor: Executor, now = new Date(), organizationIds?: string[]): Promise<number> {
  const stale = await listUnconfirmedMemberships(executor, now, organizationIds);
  for (const membership of stale) {
    if (!(await removeMembership(executor, membership.membershipId, { byUserId: null, reason: "email_not_confirmed", now }))) continue;
    await endLiveGrantsForTaxIds(executor, membership.userId, [membership.taxId], { status: "expired", now, reason: "email_not_confirmed" });
    await recordAudit(executor, null, { action: "registration.released", outcome: "success", subjectUserId: membership.userId, taxId: membership.taxId, reason: "email_not_confirmed" });
  }
  return stale.length;
}
