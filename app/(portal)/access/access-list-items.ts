import { INLINE_NPI_LIMIT, type AccessRow } from "@/db/queries/access";
import { describeAccessMethod, statusLabels } from "@/lib/access/describe";
import { formatDate } from "@/lib/format";
import { formatTaxId } from "@/lib/validation";

/** A grant as this page shows it: the role comes from the person's memberships, not the grant. */
export type AccessListRow = AccessRow & { memberRole: "delegate" | "user" | null };

/**
 * One grant, worded and formatted on the server (dates in the health plan's time zone): the list
 * itself is a client component that gets only these few strings, not a tree of server markup,
 * so a delegate with many Tax IDs gets a light page.
 */
export interface AccessListItem {
  key: string;
  taxId: string;
  organization: string;
  /** A live grant held as the organization's delegate. */
  delegate: boolean;
  /** The NPIs listed inline (none when there are more than INLINE_NPI_LIMIT). */
  npis: Array<{ npi: string; name: string }>;
  /** "5,000 NPIs" for a Tax ID with too many NPIs to list, with its list's address when the grant is live. */
  npiSummary: { label: string; href: string | null } | null;
  onlyChosen: boolean;
  method: string;
  since: string;
  status: { label: string; tone: "success" | "warning" | "muted" | "danger" };
  statusNote: string | null;
}

const LIVE = new Set<AccessRow["status"]>(["active", "pending"]);

export function accessListItems(rows: AccessListRow[]): AccessListItem[] {
  return rows.map((row) => {
    const live = LIVE.has(row.status);
    const many = row.npiCount > INLINE_NPI_LIMIT;
    return {
      key: row.grantId,
      taxId: formatTaxId(row.taxId),
      organization: row.organizationName ?? "—",
      delegate: live && row.memberRole === "delegate",
      npis: many ? [] : row.npis.map(({ npi, name }) => ({ npi, name })),
      npiSummary: many ? { label: `${row.npiCount.toLocaleString("en-US")} NPIs`, href: live ? `/access/npis/${row.taxId}` : null } : null,
      onlyChosen: !row.allNpis && row.npiCount > 0,
      method: describeAccessMethod(row),
      since: formatDate(row.grantedAt ?? row.createdAt),
      // A copy for each row: React sends a shared object once and then, for every other row, a path
      // back to it that is longer than the object and that the browser has to walk.
      status: { ...statusLabels[row.status] },
      statusNote: row.status === "pending" && row.expiresAt ? `Expires ${formatDate(row.expiresAt)}` : row.endedAt ? `On ${formatDate(row.endedAt)}` : null,
    };
  });
}
