"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
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
        <StatusBadge tone="info" className="mt-1 block w-fit">
          Delegate
        </StatusBadge>
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
    // The NPI in monospace and its name beside it: styled by `.npi-list` (app/globals.css), so each
    // of a delegate's hundreds of NPIs is one list item and one span, not three classed elements.
    <ul className="npi-list">
      {item.npis.map((npi) => (
        <li key={npi.npi}>
          {`${npi.npi} `}
          <span>{npi.name}</span>
        </li>
      ))}
      {item.onlyChosen ? <li className="npi-list-note">Only these NPIs</li> : null}
    </ul>
  );
}

/** Tailwind's md breakpoint: from here up the list is a table. */
const WIDE = "(min-width: 48rem)";

function subscribeToWidth(onChange: () => void): () => void {
  const query = window.matchMedia(WIDE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** "table" or "cards": what this screen's width calls for, once the browser runs the page. */
function useLayout(initial: AccessListLayout): AccessListLayout {
  return useSyncExternalStore(
    subscribeToWidth,
    () => (window.matchMedia(WIDE).matches ? "table" : "cards"),
    () => initial,
  );
}

export type AccessListLayout = "table" | "cards";

/**
 * Every grant, live ones first: a table on a wide screen (Status in the right-most column),
 * stacked cards on a phone so that nothing scrolls sideways. Only one of the two is in the page:
 * the server renders the one the device asks for (`initialLayout`, from its client hints), and the
 * browser switches when the window's width calls for the other. Without JavaScript a phone that
 * got the table scrolls it inside its own region, never the page.
 */
export function AccessList({ items, initialLayout }: { items: AccessListItem[]; initialLayout: AccessListLayout }) {
  return useLayout(initialLayout) === "table" ? <AccessTable items={items} /> : <AccessCards items={items} />;
}

function AccessTable({ items }: { items: AccessListItem[] }) {
  return (
    <div role="region" aria-label="Your Tax IDs and NPIs" tabIndex={0} className="overflow-x-auto rounded-lg border border-line bg-surface shadow-sm">
      <table className="w-full border-collapse text-left [&_td]:px-4 [&_td]:py-3 [&_th]:px-4 [&_th]:py-3">
        <caption className="sr-only">Your Tax IDs and NPIs. Status is in the last column.</caption>
        <thead className="bg-canvas text-sm text-muted">
          <tr>
            {["Tax ID", "Organization", "NPIs", "How access was granted", "Since", "Status"].map((heading) => (
              <th key={heading} scope="col" className="font-semibold">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        {/* Rows styled from here, not one by one: a delegate can have hundreds. */}
        <tbody className="[&>tr]:border-t [&>tr]:border-line [&>tr]:align-top [&_th]:whitespace-nowrap [&_th]:font-mono [&_th]:font-semibold">
          {items.map((item) => (
            <tr key={item.key}>
              <th scope="row">{item.taxId}</th>
              <td>
                <Organization item={item} />
              </td>
              <td>
                <Npis item={item} />
              </td>
              <td>{item.method}</td>
              <td className="whitespace-nowrap">{item.since}</td>
              <td>
                <Status item={item} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AccessCards({ items }: { items: AccessListItem[] }) {
  return (
    <ul aria-label="Your Tax IDs and NPIs" className="space-y-3">
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
          <dl className="mt-2 space-y-2 break-words [&_dt]:text-sm [&_dt]:font-semibold [&_dt]:text-muted">
            <div>
              <dt>Organization</dt>
              <dd>
                <Organization item={item} />
              </dd>
            </div>
            <div>
              <dt>NPIs</dt>
              <dd>
                <Npis item={item} />
              </dd>
            </div>
            <div>
              <dt>How access was granted</dt>
              <dd>{item.method}</dd>
            </div>
            <div>
              <dt>Since</dt>
              <dd>{item.since}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
