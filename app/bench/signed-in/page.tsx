import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/db/client";
import { listFirstTaxIdRecords } from "@/db/queries/bench";
import { currentUser } from "@/lib/auth/dal";
import { formatTaxId } from "@/lib/validation";

export const metadata: Metadata = { title: "Benchmark anchor", robots: { index: false, follow: false } };

/**
 * The signed-in anchor of `npm run bench:pages`: the session check every portal page makes
 * (auth() and the server-side session row, through the data-access layer) and one 20-row read,
 * rendered as a table. /access is measured as a share of this page's requests/s. No session: 404.
 */
export default async function SignedInBenchmarkAnchor() {
  const user = await currentUser();
  if (!user) notFound();
  const rows = await listFirstTaxIdRecords(db, 20);
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="text-3xl font-bold">Benchmark anchor: signed in</h1>
      <table className="mt-6 w-full text-left">
        <caption className="sr-only">The first 20 Tax IDs of the health plan&apos;s records</caption>
        <thead>
          <tr>
            <th scope="col">Tax ID</th>
            <th scope="col">Legal name</th>
            <th scope="col">City</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.taxId}>
              <td>{formatTaxId(row.taxId)}</td>
              <td>{row.legalName}</td>
              <td>
                {row.city}, {row.state}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
