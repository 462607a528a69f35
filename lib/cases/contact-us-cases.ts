import "server-only";
import { db } from "@/db/client";
import { listCasesOfRequester } from "@/db/queries/requester-cases";
import { formatTaxId } from "@/lib/validation";
import { formatCaseNumber } from "./open-case";

export type CaseStatusLabel = "Open" | "In progress" | "Resolved";

export interface MyCase {
  caseNumber: string;
  topic: string;
  taxId: string | null;
  openedOn: Date;
  status: CaseStatusLabel;
}

const typeLabels = {
  provider_not_listed: "Provider not listed",
  departed_delegate_review: "Delegate who left",
  delegate_dispute: "Delegate who left (disputed)",
  contact_us: "Contact us",
} as const;

const statusLabels = { open: "Open", in_progress: "In progress", resolved: "Resolved" } as const;

/** The cases a signed-in person opened, newest first, as their Help Center lists them: only their own. */
export async function listMyCases(userId: string): Promise<MyCase[]> {
  const rows = await listCasesOfRequester(db, userId);
  return rows.map((row) => ({
    caseNumber: formatCaseNumber(row.number),
    topic: row.type === "contact_us" ? (row.details.topicLabel ?? (row.details.topic === "add_tax_id" ? "Add a Tax ID without a check" : typeLabels.contact_us)) : typeLabels[row.type],
    taxId: row.taxId ? formatTaxId(row.taxId) : null,
    openedOn: row.createdAt,
    status: statusLabels[row.status],
  }));
}
