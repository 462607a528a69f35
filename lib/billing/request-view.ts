import "server-only";
import { db } from "@/db/client";
import { listBillingAccessForDelegate, listPendingRequestsForDelegate, listRequestsByRequester, type AccessRequestRow, type BillingAccessRow } from "@/db/queries/access-requests";
import { listNpisForTaxIds } from "@/db/queries/reference";

export type RequestStatusLabel = "Pending" | "Approved" | "Denied" | "Expired" | "Revoked" | "Cancelled";

export interface RequestView {
  id: string;
  providerTaxId: string;
  providerName: string;
  npis: string[];
  contactName: string;
  contactEmail: string;
  requesterName: string;
  requesterEmail: string;
  billingOrganizationName: string;
  billingTaxId: string;
  createdAt: Date;
  expiresAt: Date;
  status: RequestStatusLabel;
  /** When it was answered, expired or revoked. */
  endedAt: Date | null;
  answeredBy: string | null;
  /** An expired request that has not been sent again yet. */
  canReRequest: boolean;
}

const labels: Record<AccessRequestRow["status"], RequestStatusLabel> = {
  pending: "Pending",
  approved: "Approved",
  denied: "Denied",
  expired: "Expired",
  cancelled: "Cancelled",
  revoked: "Revoked",
};

/** A request as pages show it: a pending one past its 30 days is Expired, whether or not the schedule has marked it yet. */
export function viewRequest(row: AccessRequestRow, npiNames: Map<string, string>, now: Date, replaced: Set<string> = new Set()): RequestView {
  const overdue = row.status === "pending" && row.expiresAt.getTime() <= now.getTime();
  const status = overdue ? "Expired" : labels[row.status];
  return {
    id: row.id,
    providerTaxId: row.providerTaxId,
    providerName: row.providerName ?? "Provider",
    npis: row.allNpis || !row.npis ? ["All NPIs"] : row.npis.map((npi) => (npiNames.has(npi) ? `${npi} (${npiNames.get(npi)})` : npi)),
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    requesterName: `${row.requesterFirstName} ${row.requesterLastName}`,
    requesterEmail: row.requesterEmail,
    billingOrganizationName: row.billingOrganizationName ?? "Billing organization",
    billingTaxId: row.billingTaxId,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    status,
    endedAt: status === "Expired" ? row.expiresAt : status === "Revoked" ? row.revokedAt : row.decidedAt,
    answeredBy: row.deciderFirstName ? `${row.deciderFirstName} ${row.deciderLastName ?? ""}`.trim() : null,
    canReRequest: status === "Expired" && !replaced.has(row.id),
  };
}

async function npiNamesFor(rows: AccessRequestRow[]): Promise<Map<string, string>> {
  const taxIds = [...new Set(rows.filter((row) => !row.allNpis).map((row) => row.providerTaxId))];
  const known = await listNpisForTaxIds(db, taxIds);
  return new Map(known.map((row) => [row.npi, row.name]));
}

/** Every request a billing user made, newest first. */
export async function requestsOfBillingUser(userId: string, now = new Date()): Promise<RequestView[]> {
  const rows = await listRequestsByRequester(db, userId);
  const names = await npiNamesFor(rows);
  const replaced = new Set(rows.map((row) => row.replacesRequestId).filter((id): id is string => Boolean(id)));
  return rows.map((row) => viewRequest(row, names, now, replaced));
}

export interface ProviderDelegateView {
  pending: RequestView[];
  billingAccess: BillingAccessRow[];
}

/**
 * For a provider's delegate: the requests waiting for an answer and the billing organizations with
 * access, for the Tax IDs they manage (read by the person: two prepared statements, whatever the
 * number of Tax IDs; none for a Tax ID nobody asked for).
 */
export async function billingViewForDelegate(userId: string, now = new Date()): Promise<ProviderDelegateView> {
  const [pending, billingAccess] = await Promise.all([listPendingRequestsForDelegate(db, userId, now), listBillingAccessForDelegate(db, userId)]);
  const names = await npiNamesFor(pending);
  return { pending: pending.map((row) => viewRequest(row, names, now)), billingAccess };
}
