import { StatusBadge } from "@/components/ui/status-badge";
import type { MyCase } from "@/lib/cases/contact-us-cases";
import { formatDate } from "@/lib/format";

const tones = { Open: "info", "In progress": "warning", Resolved: "success" } as const;

/** A signed-in person's cases, newest first, with where each one stands. */
export function MyCases({ cases }: { cases: MyCase[] }) {
  return (
    <section aria-labelledby="your-cases" className="mb-10 max-w-4xl">
      <h2 id="your-cases" className="text-2xl font-semibold text-ink">
        Your cases
      </h2>
      {cases.length === 0 ? (
        <p className="mt-2 text-ink">You haven&apos;t opened a case yet. When you contact us, your case and where it stands appear here.</p>
      ) : (
        // Scrolls sideways on a narrow screen: focusable so that keyboard users can scroll it too.
        <div className="mt-3 overflow-x-auto rounded-lg border border-line bg-surface shadow-sm" role="region" aria-label="Table of your cases" tabIndex={0}>
          <table className="w-full text-left">
            <caption className="sr-only">Your cases, newest first</caption>
            <thead className="border-b border-line bg-canvas text-sm text-muted">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Case
                </th>
                <th scope="col" className="px-4 py-2">
                  Topic
                </th>
                <th scope="col" className="px-4 py-2">
                  Opened on
                </th>
                <th scope="col" className="px-4 py-2">
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {cases.map((item) => (
                <tr key={item.caseNumber} className="border-b border-line last:border-0">
                  <th scope="row" className="whitespace-nowrap px-4 py-3 font-semibold text-ink">
                    {item.caseNumber}
                  </th>
                  <td className="px-4 py-3 text-ink">
                    {item.topic}
                    {item.taxId ? <span className="block text-sm text-muted">Tax ID {item.taxId}</span> : null}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-ink">{formatDate(item.openedOn)}</td>
                  <td className="px-4 py-3">
                    <StatusBadge tone={tones[item.status]}>{item.status}</StatusBadge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
