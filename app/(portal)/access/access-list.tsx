import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { INLINE_NPI_LIMIT, type AccessRow } from "@/db/queries/access";
import { describeAccessMethod, statusLabels } from "@/lib/access/describe";
import { formatDate } from "@/lib/format";
import { formatTaxId } from "@/lib/validation";

/** A grant as this page shows it: the role comes from the person's memberships, not the grant. */
export type AccessListRow = AccessRow & { memberRole: "delegate" | "user" | null };

const LIVE = new Set<AccessRow["status"]>(["active", "pending"]);

function Status({ row }: { row: AccessRow }) {
  const status = statusLabels[row.status];
  const note = row.status === "pending" && row.expiresAt ? `Expires ${formatDate(row.expiresAt)}` : row.endedAt ? `On ${formatDate(row.endedAt)}` : null;
  return (
    <>
      <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
      {note ? <span className="mt-1 block text-sm text-muted">{note}</span> : null}
    </>
  );
}

function Organization({ row }: { row: AccessListRow }) {
  return (
    <>
      {row.organizationName ?? "—"}
      {LIVE.has(row.status) && row.memberRole === "delegate" ? (
        <span className="mt-1 block">
          <StatusBadge tone="info">Delegate</StatusBadge>
        </span>
      ) : null}
    </>
  );
}

function Npis({ row }: { row: AccessRow }) {
  if (row.npiCount === 0) return <>—</>;
  if (row.npiCount > INLINE_NPI_LIMIT) {
    // A hospital system: a count, and for live access a searchable, paged list of its own.
    const count = `${row.npiCount.toLocaleString("en-US")} NPIs`;
    return (
      <>
        {LIVE.has(row.status) ? (
          <Link href={`/access/npis/${row.taxId}`} className="font-semibold underline">
            {count}
            <span className="sr-only"> of Tax ID {formatTaxId(row.taxId)}</span>
          </Link>
        ) : (
          <span>{count}</span>
        )}
        {row.allNpis ? null : <span className="block text-sm text-muted">Only the chosen NPIs</span>}
      </>
    );
  }
  return (
    <ul className="space-y-1">
      {row.npis.map((npi) => (
        <li key={npi.npi}>
          <span className="font-mono">{npi.npi}</span> <span className="text-sm text-muted">{npi.name}</span>
        </li>
      ))}
      {row.allNpis ? null : <li className="text-sm text-muted">Only these NPIs</li>}
    </ul>
  );
}

const since = (row: AccessRow) => formatDate(row.grantedAt ?? row.createdAt);

/**
 * Every grant, live ones first: a table from the md breakpoint up (Status in the right-most
 * column), stacked cards on a phone so that nothing scrolls sideways. Only one of the two is
 * displayed at a time, so assistive technology meets each grant once.
 */
export function AccessList({ rows }: { rows: AccessListRow[] }) {
  return (
    <>
      <div role="region" aria-label="Your Tax IDs and NPIs" tabIndex={0} className="hidden overflow-x-auto rounded-lg border border-line bg-surface shadow-sm md:block">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Your Tax IDs and NPIs. Status is in the last column.</caption>
          <thead className="bg-canvas text-sm text-muted">
            <tr>
              {["Tax ID", "Organization", "NPIs", "How access was granted", "Since", "Status"].map((heading) => (
                <th key={heading} scope="col" className="px-4 py-3 font-semibold">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.grantId} className="border-t border-line align-top">
                <th scope="row" className="whitespace-nowrap px-4 py-3 font-mono font-semibold">
                  {formatTaxId(row.taxId)}
                </th>
                <td className="px-4 py-3">
                  <Organization row={row} />
                </td>
                <td className="px-4 py-3">
                  <Npis row={row} />
                </td>
                <td className="px-4 py-3">{describeAccessMethod(row)}</td>
                <td className="whitespace-nowrap px-4 py-3">{since(row)}</td>
                <td className="px-4 py-3">
                  <Status row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul aria-label="Your Tax IDs and NPIs" className="space-y-3 md:hidden">
        {rows.map((row) => (
          <li key={row.grantId} className="rounded-lg border border-line bg-surface p-4 shadow-sm">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <p className="font-mono text-lg font-semibold">
                <span className="sr-only">Tax ID </span>
                {formatTaxId(row.taxId)}
              </p>
              <div className="text-right">
                <span className="sr-only">Status: </span>
                <Status row={row} />
              </div>
            </div>
            <dl className="mt-2 space-y-2 break-words">
              <div>
                <dt className="text-sm font-semibold text-muted">Organization</dt>
                <dd>
                  <Organization row={row} />
                </dd>
              </div>
              <div>
                <dt className="text-sm font-semibold text-muted">NPIs</dt>
                <dd>
                  <Npis row={row} />
                </dd>
              </div>
              <div>
                <dt className="text-sm font-semibold text-muted">How access was granted</dt>
                <dd>{describeAccessMethod(row)}</dd>
              </div>
              <div>
                <dt className="text-sm font-semibold text-muted">Since</dt>
                <dd>{since(row)}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
