import type { Executor } from "@/db/client";
import type { DelegateContact } from "@/db/queries/organizations";
import type { DepartedDelegateClaim } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { openCase } from "@/lib/cases/open-case";
import type { RequestContext } from "@/lib/client-context";
import { departedReasonLabels } from "./departed-reasons";

export type { DepartedDelegateClaim };

export { DEPARTED_REASONS, departedReasonLabels } from "./departed-reasons";

/** "P. M." — what a registrant may see of a delegate's name. */
export function maskedName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName.trim().charAt(0).toUpperCase()}. ${person.lastName.trim().charAt(0).toUpperCase()}.`;
}

/**
 * Someone registered for a Tax ID that already has delegates, saying they can't assist. In the
 * caller's transaction: a case for a representative to review the old delegates, and the audit row.
 */
export async function recordDepartedDelegateClaim(
  executor: Executor,
  values: {
    registrant: { userId: string; firstName: string; lastName: string; email: string; phone: string | null };
    taxId: string;
    organizationName: string;
    claim: DepartedDelegateClaim;
    previousDelegates: DelegateContact[];
    now: Date;
  },
  context: RequestContext | null,
): Promise<{ caseId: string; caseNumber: number }> {
  const { registrant, claim } = values;
  const opened = await openCase(
    executor,
    {
      type: "departed_delegate_review",
      taxId: values.taxId,
      requesterUserId: registrant.userId,
      contactName: `${registrant.firstName} ${registrant.lastName}`,
      contactEmail: registrant.email,
      contactPhone: registrant.phone,
      details: {
        reason: claim.reason,
        reasonLabel: departedReasonLabels[claim.reason],
        note: claim.note,
        organizationName: values.organizationName,
        previousDelegates: values.previousDelegates.map((delegate) => `${delegate.firstName} ${delegate.lastName} <${delegate.email}>`).join("; "),
      },
      now: values.now,
    },
    context,
    registrant.userId,
  );
  await recordAudit(executor, context, {
    action: "registration.departed_delegate",
    outcome: "success",
    actorUserId: registrant.userId,
    taxId: values.taxId,
    reason: claim.reason,
    details: { caseNumber: opened.number, previousDelegates: values.previousDelegates.length },
  });
  return { caseId: opened.id, caseNumber: opened.number };
}
