import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { requireStaff } from "@/lib/auth/dal";
import { requestContext } from "@/lib/request-context";
import { NAME_QUERY_MAX, NAME_QUERY_MIN, searchRecords, type RecordQuery } from "@/lib/staff/records/search-records";
import { formatTaxId } from "@/lib/validation";

export const metadata: Metadata = { title: "Records" };

const KIND_LABELS: Record<RecordQuery["kind"], string> = { tax_id: "Tax ID", npi: "NPI", name: "organization name" };

export default async function StaffRecordsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireStaff("/staff/records");
  const raw = (await searchParams).q;
  const typed = typeof raw === "string" ? raw.slice(0, 200) : "";
  const search = typed.trim() ? await searchRecords(user.userId, typed, await requestContext()) : null;
  if (search && !search.ok && search.code === "forbidden") notFound();
  const invalid = search && !search.ok;

  return (
    <>
      <PageHeading
        eyebrow="Representatives' console"
        title="Records"
        lead="Search the health plan's records by Tax ID, NPI or organization name, then open a Tax ID to see its address of record, NPIs, the portal's delegates and users, open billing requests and the history of its grants."
      />
      <form method="get" action="/staff/records" role="search" aria-label="Records" className="mb-8 max-w-2xl">
        <label htmlFor="records-query" className="block font-semibold text-ink">
          Tax ID, NPI or organization name
        </label>
        <p id="records-query-hint" className="text-sm text-muted">
          For example 41-2345678, 1450239870 or Northside. Every search is in the audit log with your name.
        </p>
        <div className="mt-2 flex flex-wrap gap-3">
          <input
            id="records-query"
            name="q"
            type="search"
            defaultValue={typed}
            maxLength={200}
            aria-describedby={invalid ? "records-query-hint records-query-error" : "records-query-hint"}
            aria-invalid={invalid ? true : undefined}
            className="min-w-0 flex-1 rounded-md border border-line bg-surface px-3 py-2 text-base"
          />
          <button type="submit" className={buttonClasses("primary")}>
            Search
          </button>
        </div>
        {invalid ? (
          <p id="records-query-error" className="mt-2 font-semibold text-danger">
            Type a Tax ID (9 digits), an NPI (10 digits) or {NAME_QUERY_MIN} to {NAME_QUERY_MAX} characters of a name.
          </p>
        ) : null}
      </form>

      {search?.ok ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="mb-3 text-2xl font-semibold text-ink">
            {search.results.length === 0 ? "No records found" : search.results.length === 1 ? "1 record found" : `${search.results.length} records found`}
          </h2>
          <p className="mb-4 text-muted">
            Searched by {KIND_LABELS[search.query.kind]}: “{search.query.kind === "tax_id" ? formatTaxId(search.query.value) : search.query.value}”.
          </p>
          {search.results.length === 0 ? (
            <Notice title="Nothing in the records matches.">
              <p>Check the number, or try part of the organization&apos;s name. Billing organizations are not in the health plan&apos;s records.</p>
            </Notice>
          ) : (
            <ul className="space-y-3">
              {search.results.map((result) => (
                <li key={result.taxId} className="rounded-lg border border-line bg-surface p-4 shadow-sm">
                  {/* No prefetch: opening a record is audited, so only a real visit should count. */}
                  <Link href={`/staff/records/${result.taxId}`} prefetch={false} className="text-lg font-semibold">
                    {result.legalName}
                  </Link>
                  <p className="text-sm text-muted">
                    Tax ID {formatTaxId(result.taxId)} · {result.city}, {result.state}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}
