import type { Executor } from "@/db/client";
import { findLiveGrant, insertGrant } from "@/db/queries/access";
import { findAccountContact } from "@/db/queries/accounts";
import { addCaseEvent, touchCase, type CaseRecord } from "@/db/queries/cases";
import { findLiveMembership, insertMembership } from "@/db/queries/organizations";
import { findProviderTaxId } from "@/db/queries/reference";
import { recordAudit } from "@/lib/audit";
import { formatCaseNumber } from "@/lib/cases/open-case";
import type { RequestContext } from "@/lib/client-context";
import { lockProviderOrganization, type Transaction } from "@/lib/registration/provider-registration";
import { formatTaxId } from "@/lib/validation";
import { auditCaseAction, CaseActionRefused, workOnCase } from "./work-case";

/**
 * The account of the person who reported a provider as not listed: the case's account when it
 * has one, else an active provider account with the email they gave (the form is public).
 */
export async function findNotListedRequester(executor: Executor, record: Pick<CaseRecord, "requesterUserId" | "contactEmail">) {
  const account = await findAccountContact(executor, record.requesterUserId ? { id: record.requesterUserId } : { email: record.contactEmail.toLowerCase() });
  if (!account || account.accountType !== "provider" || account.status !== "active") return null;
  return account;
}

/**
 * After the representative has checked that the person works for the practice: a grant of the
 * case's whole Tax ID with method "representative", and a membership of its organization (its
 * delegate when it has none, else a user). Only for a requester with an account, and a Tax ID
 * that is in the health plan's records.
 */
export function grantFromNotListedCase(values: { staffUserId: string; caseNumber: number }, context: RequestContext | null, now = new Date()) {
  return workOnCase({ ...values, action: "case.access_granted" }, context, async (step) => {
    const { record, actor } = step;
    const tx = step.tx as Transaction;
    if (record.type !== "provider_not_listed" || !record.taxId) throw new CaseActionRefused("wrong_type");
    const requester = await findNotListedRequester(tx, record);
    if (!requester) throw new CaseActionRefused("no_account");
    const inRecords = await findProviderTaxId(tx, record.taxId);
    if (!inRecords) throw new CaseActionRefused("not_in_records");
    if (await findLiveGrant(tx, requester.id, record.taxId)) throw new CaseActionRefused("already_has_access");

    const { organization, delegates } = await lockProviderOrganization(tx, record.taxId, requester.id, step.now);
    if (organization.kind !== "provider") throw new CaseActionRefused("not_in_records");
    const existing = await findLiveMembership(tx, organization.id, requester.id);
    const role = existing?.role ?? (delegates.length === 0 ? "delegate" : "user");
    if (!existing) await insertMembership(tx, { organizationId: organization.id, userId: requester.id, role, addedByUserId: actor.userId, now: step.now });
    const grant = await insertGrant(tx, {
      userId: requester.id,
      taxId: record.taxId,
      method: "representative",
      status: "active",
      evidence: `Checked by a representative (case ${formatCaseNumber(record.number)})`,
      grantedByUserId: actor.userId,
      now: step.now,
    });
    if (!grant) throw new CaseActionRefused("already_has_access");
    await recordAudit(tx, context, {
      action: "access.granted",
      outcome: "success",
      actorUserId: actor.userId,
      subjectUserId: requester.id,
      taxId: record.taxId,
      details: { role, method: "representative", status: "active", npis: "all", caseNumber: record.number },
    });
    await addCaseEvent(tx, {
      caseId: record.id,
      kind: "note",
      actorUserId: actor.userId,
      body: `Gave ${requester.firstName} ${requester.lastName} (${requester.email}) access to Tax ID ${formatTaxId(record.taxId)} (${inRecords.legalName}), all NPIs, as ${role === "delegate" ? "its delegate" : "a user"}.`,
      now: step.now,
    });
    await touchCase(tx, record.id, step.now);
    await auditCaseAction(step, context, "case.access_granted", { subjectUserId: requester.id, details: { role } });
    return { changed: true };
  }, now);
}
