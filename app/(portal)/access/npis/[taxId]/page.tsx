import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { NPI_PAGE_SIZE, NPI_SEARCH_MAX, grantNpiList, npiListHref, parseNpiListQuery } from "@/lib/access/npi-list";
import { requireUser } from "@/lib/auth/dal";
import { formatTaxId } from "@/lib/validation";

export const metadata: Metadata = { title: "NPIs of a Tax ID" };

const count = (value: number) => value.toLocaleString("en-US");
const typeLabels = { individual: "Individual", organization: "Organization" } as const;

/**
 * A large practice's NPIs (a hospital system's thousands), searchable by NPI or name and paged on
 * the server: a plain GET form and links, so the address says what is shown and works without script.
 */
export default async function GrantNpisPage({ params, searchParams }: { params: Promise<{ taxId: string }>; searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> }) {
  const { taxId } = await params;
  const user = await requireUser(`/access/npis/${encodeURIComponent(taxId)}`);
  const query = parseNpiListQuery(await searchParams);
  const list = await grantNpiList(user.userId, taxId, query);
  if (!list) notFound();

  const shown = { ...query, page: list.page };
  const firstShown = (list.page - 1) * NPI_PAGE_SIZE + 1;
  const lastShown = firstShown + list.npis.length - 1;
  const name = list.organizationName ?? "Tax ID";
  const summary = query.search
    ? list.total === 0
      ? `No NPIs match “${query.search}”.`
      : `${count(list.total)} ${list.total === 1 ? "NPI matches" : "NPIs match"} “${query.search}”: ${count(firstShown)}–${count(lastShown)} shown.`
    : `${count(firstShown)}–${count(lastShown)} of ${count(list.total)} NPIs.`;

  return (
    <>
      <p className="mb-4">
        <Link href="/access">← Tax ID &amp; NPI access</Link>
      </p>
      <PageHeading
        title={`NPIs of ${name} (${formatTaxId(list.taxId)})`}
        lead={list.allNpis ? "Every NPI that bills under this Tax ID: you have access to all of them." : "The NPIs of this Tax ID you were given access to."}
      />

      <form method="get" action={`/access/npis/${list.taxId}`} role="search" aria-label="NPIs" className="mb-6 max-w-2xl">
        <label htmlFor="npi-search" className="block font-semibold text-ink">
          Search by NPI or name
        </label>
        <p id="npi-search-hint" className="text-sm text-muted">
          The first digits of an NPI, or any part of a name.
        </p>
        <div className="mt-2 flex flex-wrap gap-3">
          <input
            id="npi-search"
            name="q"
            type="search"
            defaultValue={query.search ?? ""}
            maxLength={NPI_SEARCH_MAX}
            aria-describedby="npi-search-hint"
            className="min-w-0 flex-1 rounded-md border border-line bg-surface px-3 py-2 text-base"
          />
          <button type="submit" className={buttonClasses("primary")}>
            Search
          </button>
        </div>
        {query.search ? (
          <p className="mt-2">
            <Link href={`/access/npis/${list.taxId}`}>Show all NPIs</Link>
          </p>
        ) : null}
      </form>

      <p id="npi-summary" className="mb-3 font-semibold text-ink">
        {summary}
      </p>

      {list.total === 0 ? (
        <Notice title={query.search ? "Nothing matches that search." : "No NPIs bill under this Tax ID."}>
          {query.search ? <p>Check the digits, or try part of a name.</p> : null}
        </Notice>
      ) : (
        <>
          <div className="overflow-x-auto rounded-lg border border-line bg-surface shadow-sm">
            <table className="w-full border-collapse text-left" aria-describedby="npi-summary">
              <caption className="sr-only">
                NPIs of {name}, in NPI order, page {count(list.page)} of {count(list.pageCount)}
              </caption>
              <thead className="bg-canvas text-sm text-muted">
                <tr>
                  <th scope="col" className="px-3 py-3 font-semibold sm:px-4">
                    NPI
                  </th>
                  <th scope="col" className="px-3 py-3 font-semibold sm:px-4">
                    Name
                  </th>
                  <th scope="col" className="hidden px-4 py-3 font-semibold sm:table-cell">
                    Type
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.npis.map((npi) => (
                  <tr key={npi.npi} className="border-t border-line align-top">
                    <th scope="row" className="whitespace-nowrap px-3 py-2 font-mono font-semibold sm:px-4">
                      {npi.npi}
                    </th>
                    <td className="break-words px-3 py-2 sm:px-4">
                      {npi.name}
                      <span className="block text-sm text-muted sm:hidden">{typeLabels[npi.type]}</span>
                    </td>
                    <td className="hidden px-4 py-2 sm:table-cell">{typeLabels[npi.type]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <nav aria-label="Pages of NPIs" className="mt-4 flex flex-wrap items-center justify-between gap-3">
            {list.page > 1 ? (
              <Link href={npiListHref(list.taxId, { ...shown, page: list.page - 1 })} rel="prev" className={buttonClasses("secondary")}>
                ← Previous<span className="sr-only"> page</span>
              </Link>
            ) : (
              <span aria-hidden="true" />
            )}
            <p>
              Page {count(list.page)} of {count(list.pageCount)}
            </p>
            {list.page < list.pageCount ? (
              <Link href={npiListHref(list.taxId, { ...shown, page: list.page + 1 })} rel="next" className={buttonClasses("secondary")}>
                Next<span className="sr-only"> page</span> →
              </Link>
            ) : (
              <span aria-hidden="true" />
            )}
          </nav>
        </>
      )}
    </>
  );
}
