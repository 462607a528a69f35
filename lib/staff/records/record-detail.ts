import "server-only";
import { db } from "@/db/client";
import { findRecord, listGrantAuditTrail, listOpenBillingRequests, listRecordMembers, listRecordNpis } from "@/db/queries/records";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { refuseUnlessStaff } from "@/lib/staff/letters/staff-actor";

export interface RecordDetail {
  record: NonNullable<Awaited<ReturnType<typeof findRecord>>>;
  npis: Awaited<ReturnType<typeof listRecordNpis>>;
  members: Awaited<ReturnType<typeof listRecordMembers>>;
  openRequests: Awaited<ReturnType<typeof listOpenBillingRequests>>;
  grantTrail: Awaited<ReturnType<typeof listGrantAuditTrail>>;
}

export type RecordDetailResult = { ok: true; detail: RecordDetail } | { ok: false; code: "forbidden" | "not_found" };

/**
 * Everything the console shows about one Tax ID: the record, its NPIs, the portal's delegates and
 * users, billing requests waiting for an answer, and the audit trail of its grants. Staff only;
 * each look is audited, since it shows people's names and emails.
 */
export async function recordDetail(actorUserId: string, taxId: string, context: RequestContext | null): Promise<RecordDetailResult> {
  if (await refuseUnlessStaff(actorUserId, "records.viewed", context)) return { ok: false, code: "forbidden" };
  if (!/^\d{9}$/.test(taxId)) return { ok: false, code: "not_found" };
  const record = await findRecord(db, taxId);
  if (!record) return { ok: false, code: "not_found" };
  const [npis, members, openRequests, grantTrail] = await Promise.all([
    listRecordNpis(db, taxId),
    listRecordMembers(db, taxId),
    listOpenBillingRequests(db, taxId),
    listGrantAuditTrail(db, taxId),
  ]);
  await recordAudit(db, context, { action: "records.viewed", outcome: "success", actorUserId, taxId });
  return { ok: true, detail: { record, npis, members, openRequests, grantTrail } };
}
