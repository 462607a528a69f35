import type { Metadata } from "next";
import Link from "next/link";
import { inputClasses } from "@/components/form/field";
import { buttonClasses } from "@/components/ui/button";
import { PageHeading } from "@/components/ui/page-heading";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireStaff } from "@/lib/auth/dal";
import { formatCaseNumber } from "@/lib/cases/open-case";
import { formatDate } from "@/lib/format";
import { CASE_STATUSES, CASE_TYPES, caseStatusLabels, caseStatusTones, caseTypeLabels, describeAge } from "@/lib/staff/cases/labels";
import { loadCaseQueue, parseQueueFilter, QUEUE_LIMIT, queueHref } from "@/lib/staff/cases/queue";
import { formatTaxId } from "@/lib/validation";

export const metadata: Metadata = { title: "Cases" };

const selectClasses = inputClasses.replace("w-full", "w-full sm:w-auto");

export default async function CasesQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireStaff("/staff/cases");
  const filter = parseQueueFilter(await searchParams);
  const rows = await loadCaseQueue(filter);
  const now = new Date();
  const filtered = Boolean(filter.type || filter.status);
  const assignee = (row: (typeof rows)[number]) => (row.assigneeFirstName ? `${row.assigneeFirstName} ${row.assigneeLastName}` : "Nobody");
  const opened = (row: (typeof rows)[number]) => (
    <>
      <time dateTime={row.createdAt.toISOString()}>{formatDate(row.createdAt)}</time> <span className="text-muted">({describeAge(row.createdAt, now)})</span>
    </>
  );

  return (
    <>
      <PageHeading eyebrow="Representatives' console" title="Cases" lead="Provider not listed, Contact us, departed-delegate reviews and delegate disputes, in one queue." />

      <form method="get" action="/staff/cases" className="mb-6 flex flex-col gap-4 rounded-lg border border-line bg-surface p-4 shadow-sm sm:flex-row sm:flex-wrap sm:items-end">
        <div>
          <label htmlFor="filter-type" className="block font-semibold text-ink">
            Type
          </label>
          <select id="filter-type" name="type" defaultValue={filter.type ?? ""} className={selectClasses}>
            <option value="">All types</option>
            {CASE_TYPES.map((type) => (
              <option key={type} value={type}>
                {caseTypeLabels[type]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-status" className="block font-semibold text-ink">
            Status
          </label>
          <select id="filter-status" name="status" defaultValue={filter.status ?? ""} className={selectClasses}>
            <option value="">All statuses</option>
            {CASE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {caseStatusLabels[status]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-order" className="block font-semibold text-ink">
            Order
          </label>
          <select id="filter-order" name="order" defaultValue={filter.order} className={selectClasses}>
            <option value="oldest_open">Oldest open first</option>
            <option value="newest">Newest first</option>
          </select>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className={buttonClasses("primary")}>
            Show cases
          </button>
          {filtered ? <Link href={queueHref({ order: filter.order })}>Clear filters</Link> : null}
        </div>
      </form>

      <p role="status" className="mb-3 text-muted">
        {rows.length === 0 ? "No cases match these filters." : `${rows.length === QUEUE_LIMIT ? `The first ${QUEUE_LIMIT}` : rows.length} case${rows.length === 1 ? "" : "s"}${filtered ? " match these filters" : ""}.`}
      </p>

      {rows.length > 0 ? (
        <>
          <table className="hidden w-full border-collapse overflow-hidden rounded-lg border border-line bg-surface text-left shadow-sm lg:table">
            <caption className="sr-only">Cases, {filter.order === "newest" ? "newest first" : "oldest open first"}</caption>
            <thead className="bg-canvas">
              <tr>
                {["Case", "Type", "Tax ID", "Who asked", "Opened", "Assigned to", "Status"].map((heading) => (
                  <th key={heading} scope="col" className="border-b border-line px-3 py-2 font-semibold text-ink">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-line last:border-b-0">
                  <th scope="row" className="whitespace-nowrap px-3 py-2 font-semibold">
                    <Link href={`/staff/cases/${row.number}`}>{formatCaseNumber(row.number)}</Link>
                  </th>
                  <td className="px-3 py-2">{caseTypeLabels[row.type]}</td>
                  <td className="whitespace-nowrap px-3 py-2">{row.taxId ? formatTaxId(row.taxId) : "—"}</td>
                  <td className="px-3 py-2">
                    {row.contactName}
                    <span className="block break-all text-sm text-muted">{row.contactEmail}</span>
                  </td>
                  <td className="px-3 py-2">{opened(row)}</td>
                  <td className="px-3 py-2">{row.assigneeFirstName ? `${assignee(row)}${row.assigneeFirstName === user.firstName && row.assigneeLastName === user.lastName ? " (you)" : ""}` : <span className="text-muted">Nobody</span>}</td>
                  <td className="px-3 py-2">
                    <StatusBadge tone={caseStatusTones[row.status]}>{caseStatusLabels[row.status]}</StatusBadge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          <ul aria-label="Cases" className="space-y-3 lg:hidden">
            {rows.map((row) => (
              <li key={row.id} className="rounded-lg border border-line bg-surface p-4 shadow-sm">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Link href={`/staff/cases/${row.number}`} className="text-lg font-semibold">
                    {formatCaseNumber(row.number)}
                    <span className="sr-only">, {caseTypeLabels[row.type]}</span>
                  </Link>
                  <StatusBadge tone={caseStatusTones[row.status]}>{caseStatusLabels[row.status]}</StatusBadge>
                </div>
                <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
                  <dt className="font-semibold">Type</dt>
                  <dd>{caseTypeLabels[row.type]}</dd>
                  <dt className="font-semibold">Tax ID</dt>
                  <dd>{row.taxId ? formatTaxId(row.taxId) : "—"}</dd>
                  <dt className="font-semibold">Who asked</dt>
                  <dd className="break-words">
                    {row.contactName} <span className="break-all text-muted">{row.contactEmail}</span>
                  </dd>
                  <dt className="font-semibold">Opened</dt>
                  <dd>{opened(row)}</dd>
                  <dt className="font-semibold">Assigned to</dt>
                  <dd>{assignee(row)}</dd>
                </dl>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
