import { db } from "@/db/client";
import { findLiveGrant } from "@/db/queries/access";
import { findCaseByNumber, findCaseNumber, listCaseEvents, type CaseRecord } from "@/db/queries/cases";
import { findOrganizationByTaxId, listActiveDelegates, type DelegateContact } from "@/db/queries/organizations";
import { findProviderTaxId } from "@/db/queries/reference";
import { findNotListedRequester } from "./grant-from-not-listed";

export interface GrantCheck {
  /** The requester's account, when they have one. */
  account: { firstName: string; lastName: string; email: string } | null;
  /** The Tax ID's legal name in the records, or null when it is not in them. */
  recordName: string | null;
  hasAccess: boolean;
  /** Whether they would become the delegate (the Tax ID has none) or a user. */
  role: "delegate" | "user";
}

export interface CaseView {
  record: CaseRecord;
  events: Awaited<ReturnType<typeof listCaseEvents>>;
  relatedCaseNumber: number | null;
  /** Departed-delegate reviews: the delegates other than the registrant, and whether the registrant is one now. */
  departed: { oldDelegates: DelegateContact[]; registrantIsDelegate: boolean } | null;
  /** Provider-not-listed cases: what granting access would need. */
  grant: GrantCheck | null;
}

/** Everything the case page shows; null for an unknown number. The caller has checked the representative. */
export async function loadCaseView(caseNumber: number, now = new Date()): Promise<CaseView | null> {
  const record = await findCaseByNumber(db, caseNumber);
  if (!record) return null;
  const [events, related] = await Promise.all([listCaseEvents(db, record.id), record.relatedCaseId ? findCaseNumber(db, record.relatedCaseId) : null]);

  let departed: CaseView["departed"] = null;
  if (record.type === "departed_delegate_review" && record.taxId) {
    const organization = await findOrganizationByTaxId(db, record.taxId);
    const delegates = organization ? await listActiveDelegates(db, organization.id, now) : [];
    departed = {
      oldDelegates: delegates.filter((delegate) => delegate.userId !== record.requesterUserId),
      registrantIsDelegate: delegates.some((delegate) => delegate.userId === record.requesterUserId),
    };
  }

  let grant: GrantCheck | null = null;
  if (record.type === "provider_not_listed" && record.taxId) {
    const [account, inRecords, organization] = await Promise.all([findNotListedRequester(db, record), findProviderTaxId(db, record.taxId), findOrganizationByTaxId(db, record.taxId)]);
    const delegates = organization ? await listActiveDelegates(db, organization.id, now) : [];
    grant = {
      account: account ? { firstName: account.firstName, lastName: account.lastName, email: account.email } : null,
      recordName: inRecords?.legalName ?? null,
      hasAccess: account ? Boolean(await findLiveGrant(db, account.id, record.taxId)) : false,
      role: delegates.filter((delegate) => delegate.userId !== account?.id).length === 0 ? "delegate" : "user",
    };
  }
  return { record, events, relatedCaseNumber: related?.number ?? null, departed, grant };
}

/** A case number from the URL ("1042" or "C-1042"), or null. */
export function parseCaseNumber(value: string): number | null {
  const match = /^(?:c-?)?(\d{1,12})$/i.exec(decodeURIComponent(value).trim());
  if (!match) return null;
  const number = Number(match[1]);
  return Number.isSafeInteger(number) && number > 0 ? number : null;
}
