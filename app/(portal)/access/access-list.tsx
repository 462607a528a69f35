"use client";

import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import type { AccessListItem } from "./access-list-items";

function Status({ item }: { item: AccessListItem }) {
  return (
    <>
      <StatusBadge tone={item.status.tone}>{item.status.label}</StatusBadge>
      {item.statusNote ? <span className="mt-1 block text-sm text-muted">{item.statusNote}</span> : null}
    </>
  );
}

function Organization({ item }: { item: AccessListItem }) {
  return (
    <>
      {item.organization}
      {item.delegate ? (
        <span className="mt-1 block">
          <StatusBadge tone="info">Delegate</StatusBadge>
        </span>
      ) : null}
    </>
  );
}

function Npis({ item }: { item: AccessListItem }) {
  if (item.npiSummary) {
    // A hospital system: a count, and for live access a searchable, paged list of its own.
    return (
      <>
        {item.npiSummary.href ? (
          <Link href={item.npiSummary.href} className="font-semibold underline">
            {item.npiSummary.label}
            <span className="sr-only"> of Tax ID {item.taxId}</span>
          </Link>
        ) : (
          <span>{item.npiSummary.label}</span>
        )}
        {item.onlyChosen ? <span className="block text-sm text-muted">Only the chosen NPIs</span> : null}
      </>
    );
  }
  if (item.npis.length === 0) return <>—</>;
  return (
    <ul className="space-y-1">
      {item.npis.map((npi) => (
        <li key={npi.npi}>
          <span className="font-mono">{npi.npi}</span> <span className="text-sm text-muted">{npi.name}</span>
        </li>
      ))}
      {item.onlyChosen ? <li className="text-sm text-muted">Only these NPIs</li> : null}
    </ul>
  );
}

/**
 * Every grant, live ones first: a table from the md breakpoint up (Status in the right-most
 * column), stacked cards on a phone so that nothing scrolls sideways. Only one of the two is
 * displayed at a time, so assistive technology meets each grant once.
 */
export function AccessList({ items }: { items: AccessListItem[] }) {
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
            {items.map((item) => (
              <tr key={item.key} className="border-t border-line align-top">
                <th scope="row" className="whitespace-nowrap px-4 py-3 font-mono font-semibold">
                  {item.taxId}
                </th>
                <td className="px-4 py-3">
                  <Organization item={item} />
                </td>
                <td className="px-4 py-3">
                  <Npis item={item} />
                </td>
                <td className="px-4 py-3">{item.method}</td>
                <td className="whitespace-nowrap px-4 py-3">{item.since}</td>
                <td className="px-4 py-3">
                  <Status item={item} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul aria-label="Your Tax IDs and NPIs" className="space-y-3 md:hidden">
        {items.map((item) => (
          <li key={item.key} className="rounded-lg border border-line bg-surface p-4 shadow-sm">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <p className="font-mono text-lg font-semibold">
                <span className="sr-only">Tax ID </span>
                {item.taxId}
              </p>
              <div className="text-right">
                <span className="sr-only">Status: </span>
                <Status item={item} />
              </div>
            </div>
            <dl className="mt-2 space-y-2 break-words">
              <div>
                <dt className="text-sm font-semibold text-muted">Organization</dt>
                <dd>
                  <Organization item={item} />
                </dd>
              </div>
              <div>
                <dt className="text-sm font-semibold text-muted">NPIs</dt>
                <dd>
                  <Npis item={item} />
                </dd>
              </div>
              <div>
                <dt className="text-sm font-semibold text-muted">How access was granted</dt>
                <dd>{item.method}</dd>
              </div>
              <div>
                <dt className="text-sm font-semibold text-muted">Since</dt>
                <dd>{item.since}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
