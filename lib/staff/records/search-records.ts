import "server-only";
import { db } from "@/db/client";
import { searchRecordsByName, searchRecordsByNpi, searchRecordsByTaxId } from "@/db/queries/records";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { refuseUnlessStaff } from "@/lib/staff/letters/staff-actor";

export type RecordQuery = { kind: "tax_id"; value: string } | { kind: "npi"; value: string } | { kind: "name"; value: string };

export const NAME_QUERY_MIN = 2;
export const NAME_QUERY_MAX = 100;

/**
 * What a representative typed: nine digits (with or without the dash) are a Tax ID, ten digits
 * an NPI, anything else part of an organization's name. Null when it is too short or too long.
 */
export function parseRecordQuery(raw: string): RecordQuery | null {
  const typed = raw.normalize("NFKC").replace(/\s+/g, " ").trim();
  const digits = typed.replace(/[\s-]/g, "");
  if (/^\d{2}-?\d{7}$/.test(typed.replace(/\s/g, "")) || /^\d{9}$/.test(digits)) return { kind: "tax_id", value: digits };
  if (/^\d{10}$/.test(digits)) return { kind: "npi", value: digits };
  if (typed.length < NAME_QUERY_MIN || typed.length > NAME_QUERY_MAX) return null;
  return { kind: "name", value: typed };
}

export type RecordSearchResult =
  | { ok: true; query: RecordQuery; results: Awaited<ReturnType<typeof searchRecordsByTaxId>> }
  | { ok: false; code: "forbidden" | "invalid_query" };

/** Searches the health plan's records by Tax ID, NPI or name. Staff only; every search is audited. */
export async function searchRecords(actorUserId: string, raw: string, context: RequestContext | null): Promise<RecordSearchResult> {
  if (await refuseUnlessStaff(actorUserId, "records.searched", context)) return { ok: false, code: "forbidden" };
  const query = parseRecordQuery(raw);
  if (!query) return { ok: false, code: "invalid_query" };
  const results =
    query.kind === "tax_id" ? await searchRecordsByTaxId(db, query.value) : query.kind === "npi" ? await searchRecordsByNpi(db, query.value) : await searchRecordsByName(db, query.value);
  await recordAudit(db, context, {
    action: "records.searched",
    outcome: "success",
    actorUserId,
    taxId: query.kind === "tax_id" ? query.value : null,
    details: { kind: query.kind, query: query.value, results: results.length },
  });
  return { ok: true, query, results };
}
