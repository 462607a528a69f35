import type { Metadata } from "next";
import { PendingPinNotice } from "@/components/access/pending-pin-notice";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { StatusBadge } from "@/components/ui/status-badge";
import { db } from "@/db/client";
import { listAccessForUser } from "@/db/queries/access";
import { describeAccessMethod, statusLabels } from "@/lib/access/describe";
import { requireUser } from "@/lib/auth/dal";
import { formatDate } from "@/lib/format";
import { pendingPinLetters } from "@/lib/pin-letters/pending-letters";
import { formatTaxId } from "@/lib/validation";

export const metadata: Metadata = { title: "Tax ID & NPI access" };

export default async function AccessPage() {
  const user = await requireUser("/access");
  const [rows, pin] = await Promise.all([listAccessForUser(db, user.userId), pendingPinLetters(user.userId)]);
  const delegateOf = rows.filter((row) => row.role === "delegate" && row.status === "active");

  return (
    <>
      <PageHeading title="Tax ID & NPI access" lead="The Tax IDs and NPIs you can use in the portal, and how you got access to each." />
      <PendingPinNotice letters={pin.letters} />
      {delegateOf.length > 0 ? (
        <div className="mb-6">
          <Notice tone="info" title={`You are the delegate for ${delegateOf.map((row) => `${row.organizationName ?? "your organization"} (${formatTaxId(row.taxId)})`).join(", ")}.`}>
            <p>As the first person to register, you manage the portal accounts of your co-workers at this organization.</p>
          </Notice>
        </div>
      ) : null}

      {rows.length === 0 ? (
        <Notice title="You don't have access to any Tax IDs yet." />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-line bg-surface shadow-sm">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Your Tax IDs and NPIs. Status is in the last column.</caption>
            <thead className="bg-canvas text-sm text-muted">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">Tax ID</th>
                <th scope="col" className="px-4 py-3 font-semibold">Organization</th>
                <th scope="col" className="px-4 py-3 font-semibold">NPIs</th>
                <th scope="col" className="px-4 py-3 font-semibold">How access was granted</th>
                <th scope="col" className="px-4 py-3 font-semibold">Since</th>
                <th scope="col" className="px-4 py-3 font-semibold">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const status = statusLabels[row.status];
                return (
                  <tr key={row.grantId} className="border-t border-line align-top">
                    <th scope="row" className="whitespace-nowrap px-4 py-3 font-mono font-semibold">
                      {formatTaxId(row.taxId)}
                    </th>
                    <td className="px-4 py-3">
                      {row.organizationName ?? "—"}
                      {row.role === "delegate" ? (
                        <span className="mt-1 block">
                          <StatusBadge tone="info">Delegate</StatusBadge>
                        </span>
                      ) : null}
                    </td>
                    <td className="px-4 py-3">
                      {row.npis.length === 0 ? (
                        "—"
                      ) : (
                        <ul className="space-y-1">
                          {row.npis.map((npi) => (
                            <li key={npi.npi}>
                              <span className="font-mono">{npi.npi}</span> <span className="text-sm text-muted">{npi.name}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="px-4 py-3">{describeAccessMethod(row)}</td>
                    <td className="whitespace-nowrap px-4 py-3">{formatDate(row.grantedAt ?? row.createdAt)}</td>
                    <td className="px-4 py-3">
                      <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
