import Link from "next/link";
import { ActionButton } from "@/app/(portal)/users/action-button";
import type { BillingAccessRow } from "@/db/queries/access-requests";
import type { RequestView } from "@/lib/billing/request-view";
import { formatDate } from "@/lib/format";
import { formatTaxId } from "@/lib/validation";
import { revokeBillingAction } from "./billing-actions";

/** For a provider's delegate: billing organizations' requests waiting for an answer. */
export function RequestsToAnswer({ requests }: { requests: RequestView[] }) {
  return (
    <section aria-labelledby="to-answer-heading" className="mb-10">
      <h2 id="to-answer-heading" className="mb-1 text-2xl font-semibold text-ink">
        Billing organizations asking for access
      </h2>
      <p className="mb-3 text-muted">Any delegate of the Tax ID can answer. Approve only billing services you work with.</p>
      <ul className="space-y-3">
        {requests.map((view) => (
          <li key={view.id} className="rounded-lg border border-warning bg-surface p-4 shadow-sm">
            <p className="font-semibold">
              {view.billingOrganizationName} <span className="font-normal text-muted">(Tax ID {formatTaxId(view.billingTaxId)})</span>
            </p>
            <p className="text-sm [overflow-wrap:anywhere]">
              Asked by {view.requesterName} ({view.requesterEmail}) on {formatDate(view.createdAt)} for {view.providerName} ({formatTaxId(view.providerTaxId)}):{" "}
              {view.npis.join(", ")}. Answer by {formatDate(view.expiresAt)}.
            </p>
            <p className="mt-2">
              <Link href={`/access/requests/${view.id}`} className="font-semibold">
                Review and answer<span className="sr-only"> the request from {view.billingOrganizationName}</span>
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** For a provider's delegate: which billing organizations have access to their Tax IDs, each removable at once. */
export function BillingOrganizationsWithAccess({ rows }: { rows: BillingAccessRow[] }) {
  return (
    <section aria-labelledby="billing-access-heading" className="mb-10">
      <h2 id="billing-access-heading" className="mb-1 text-2xl font-semibold text-ink">
        Billing organizations with access
      </h2>
      <p className="mb-3 text-muted">Billing services you approved. Removing one ends the access of all its people to that Tax ID at once.</p>
      {rows.length === 0 ? (
        <p className="text-muted">None. When you approve a billing organization&apos;s request, it appears here.</p>
      ) : (
        <ul className="space-y-3">
          {rows.map((row) => {
            const name = row.billingOrganizationName ?? `Tax ID ${formatTaxId(row.billingTaxId)}`;
            return (
              <li key={`${row.billingOrganizationId}-${row.providerTaxId}`} className="rounded-lg border border-line bg-surface p-4 shadow-sm">
                <p className="font-semibold">
                  {name} <span className="font-normal text-muted">(Tax ID {formatTaxId(row.billingTaxId)})</span>
                </p>
                <p className="text-sm">
                  Access to {row.providerName ?? "your organization"} ({formatTaxId(row.providerTaxId)}){row.approvedAt ? ` since ${formatDate(row.approvedAt)}` : ""} ·{" "}
                  {row.peopleWithAccess === 1 ? "1 person has access" : `${row.peopleWithAccess} people have access`}
                </p>
                <div className="mt-3">
                  <ActionButton
                    action={revokeBillingAction.bind(null, row.billingOrganizationId, row.providerTaxId)}
                    label={`Remove access for ${name}`}
                    pendingLabel="Removing…"
                    confirm={{
                      title: `Remove access to ${formatTaxId(row.providerTaxId)} for ${name}?`,
                      body: "Everyone at this billing organization loses access to this Tax ID at once. They would have to send a new request to get it back.",
                      confirmLabel: "Remove access",
                    }}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
