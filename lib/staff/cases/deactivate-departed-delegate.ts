import { endLiveGrantsForTaxIds } from "@/db/queries/access";
import { findAccountContact, setAccountStatus } from "@/db/queries/accounts";
import { addCaseEvent, touchCase } from "@/db/queries/cases";
import { findLiveMembership, findOrganizationByTaxId, listActiveDelegates, listMembershipsForUser, lockOrganization, removeMembership } from "@/db/queries/organizations";
import { recordAudit } from "@/lib/audit";
import { endAllSessions } from "@/lib/auth/sessions";
import type { RequestContext } from "@/lib/client-context";
import { formatTaxId } from "@/lib/validation";
import { auditCaseAction, CaseActionRefused, workOnCase } from "./work-case";

/**
 * A departed-delegate review, settled in one step: the old delegate's membership of the Tax ID's
 * organization ends, so do their grants for that Tax ID and every open session of theirs, and
 * their account is deactivated when they belong nowhere else. Under the organization's lock, the
 * registrant who made the claim must be an active delegate, so the Tax ID keeps one.
 */
export function deactivateDepartedDelegate(values: { staffUserId: string; caseNumber: number; delegateUserId: string }, context: RequestContext | null, now = new Date()) {
  return workOnCase({ staffUserId: values.staffUserId, caseNumber: values.caseNumber, action: "case.delegate_deactivated" }, context, async (step) => {
    const { tx, record, actor } = step;
    if (record.type !== "departed_delegate_review" || !record.taxId || !record.requesterUserId) throw new CaseActionRefused("wrong_type");
    if (values.delegateUserId === record.requesterUserId) throw new CaseActionRefused("not_a_delegate");
    const organization = await findOrganizationByTaxId(tx, record.taxId);
    if (!organization) throw new CaseActionRefused("not_a_delegate");
    await lockOrganization(tx, organization.id);

    const target = await findLiveMembership(tx, organization.id, values.delegateUserId);
    if (target?.role !== "delegate") throw new CaseActionRefused("not_a_delegate");
    const delegates = await listActiveDelegates(tx, organization.id, step.now);
    const registrant = delegates.find((delegate) => delegate.userId === record.requesterUserId);
    if (!registrant) throw new CaseActionRefused("registrant_not_delegate");
    const person = await findAccountContact(tx, { id: values.delegateUserId });
    if (!person) throw new CaseActionRefused("not_a_delegate");

    await removeMembership(tx, target.id, { byUserId: actor.userId, reason: "departed", now: step.now });
    await recordAudit(tx, context, { action: "membership.removed", outcome: "success", actorUserId: actor.userId, subjectUserId: person.id, taxId: record.taxId, reason: "departed", details: { role: "delegate", caseNumber: record.number } });
    const ended = await endLiveGrantsForTaxIds(tx, person.id, [record.taxId], { status: "revoked", now: step.now, byUserId: actor.userId, reason: "departed" });
    for (const taxId of ended) {
      await recordAudit(tx, context, { action: "access.revoked", outcome: "success", actorUserId: actor.userId, subjectUserId: person.id, taxId, reason: "departed", details: { caseNumber: record.number } });
    }
    const accountDeactivated = (await listMembershipsForUser(tx, person.id)).length === 0;
    if (accountDeactivated) {
      await setAccountStatus(tx, person.id, "deactivated", step.now);
      await recordAudit(tx, context, { action: "account.deactivated", outcome: "success", actorUserId: actor.userId, subjectUserId: person.id, reason: "departed", details: { caseNumber: record.number } });
    }
    const sessions = await endAllSessions(tx, person.id, "deactivated", context, step.now);

    const what = [
      `removed as delegate of ${organization.name ?? "the organization"} (Tax ID ${formatTaxId(record.taxId)})`,
      ended.length > 0 ? "their access to this Tax ID ended" : "they had no access to end",
      `${sessions} open session${sessions === 1 ? "" : "s"} ended`,
      accountDeactivated ? "their account is deactivated (they belonged to no other organization)" : "their account stays active for their other organizations",
    ];
    await addCaseEvent(tx, {
      caseId: record.id,
      kind: "note",
      actorUserId: actor.userId,
      body: `Deactivated the old delegate ${person.firstName} ${person.lastName} (${person.email}): ${what.join("; ")}. ${registrant.firstName} ${registrant.lastName} remains the delegate.`,
      now: step.now,
    });
    await touchCase(tx, record.id, step.now);
    await auditCaseAction(step, context, "case.delegate_deactivated", { subjectUserId: person.id, details: { accountDeactivated, sessionsEnded: sessions } });
    return { changed: true };
  }, now);
}
