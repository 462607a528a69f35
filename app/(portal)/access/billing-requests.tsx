import { ActionButton } from "@/app/(portal)/users/action-button";
import { StatusBadge } from "@/components/ui/status-badge";
import type { RequestStatusLabel, RequestView } from "@/lib/billing/request-view";
import { formatDate } from "@/lib/format";
import { formatTaxId } from "@/lib/validation";
import { reRequestAction } from "./billing-actions";

const tones: Record<RequestStatusLabel, "success" | "warning" | "muted" | "danger"> = {
  Pending: "warning",
  Approved: "success",
  Denied: "danger",
  Expired: "muted",
  Revoked: "danger",
  Cancelled: "muted",
};

function Status({ view }: { view: RequestView }) {
  return (
    <div className="space-y-1">
      <StatusBadge tone={tones[view.status]}>{view.status}</StatusBadge>
      {view.status === "Pending" ? (
        <>
          <span className="block text-sm text-muted">Asked {formatDate(view.createdAt)}</span>
          <span className="block text-sm text-muted">Expires {formatDate(view.expiresAt)}</span>
        </>
      ) : view.endedAt ? (
        <span className="block text-sm text-muted">
          {view.status === "Expired" ? "Expired" : "On"} {formatDate(view.endedAt)}
          {view.answeredBy && (view.status === "Approved" || view.status === "Denied") ? ` by ${view.answeredBy}` : ""}
        </span>
      ) : null}
      {view.canReRequest ? (
        <div className="pt-1">
          <ActionButton action={reRequestAction.bind(null, view.id)} label={`Re-request ${formatTaxId(view.providerTaxId)}`} pendingLabel="Sending…" />
        </div>
      ) : null}
    </div>
  );
}

function Provider({ view }: { view: RequestView }) {
  return (
    <>
      <span className="font-semibold">{view.providerName}</span>
      <span className="block font-mono text-sm">Tax ID {formatTaxId(view.providerTaxId)}</span>
    </>
  );
}

/**
 * A billing user's requests to providers, newest first: a table from the md breakpoint up with
 * Status in the right-most column (the FAQ's "status appears in the right column"), stacked cards
 * on a phone.
 */
export function BillingRequests({ requests }: { requests: RequestView[] }) {
  return (
    <>
      <div role="region" aria-label="Your requests to providers" tabIndex={0} className="hidden overflow-x-auto rounded-lg border border-line bg-surface shadow-sm md:block">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Your requests to providers. Status is in the last column.</caption>
          <thead className="bg-canvas text-sm text-muted">
            <tr>
              {["Provider", "NPIs", "Contact at the provider", "Asked on", "Status"].map((heading) => (
                <th key={heading} scope="col" className="px-4 py-3 font-semibold">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {requests.map((view) => (
              <tr key={view.id} className="border-t border-line align-top">
                <th scope="row" className="px-4 py-3 text-left font-normal">
                  <Provider view={view} />
                </th>
                <td className="px-4 py-3">{view.npis.join(", ")}</td>
                <td className="break-words px-4 py-3">
                  {view.contactName}
                  <span className="block text-sm text-muted">{view.contactEmail}</span>
                </td>
                <td className="whitespace-nowrap px-4 py-3">{formatDate(view.createdAt)}</td>
                <td className="px-4 py-3">
                  <Status view={view} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul aria-label="Your requests to providers" className="space-y-3 md:hidden">
        {requests.map((view) => (
          <li key={view.id} className="rounded-lg border border-line bg-surface p-4 shadow-sm">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <p>
                <Provider view={view} />
              </p>
              <div>
                <span className="sr-only">Status: </span>
                <Status view={view} />
              </div>
            </div>
            <dl className="mt-2 space-y-2 [overflow-wrap:anywhere]">
              <div>
                <dt className="text-sm font-semibold text-muted">NPIs</dt>
                <dd>{view.npis.join(", ")}</dd>
              </div>
              <div>
                <dt className="text-sm font-semibold text-muted">Contact at the provider</dt>
                <dd>
                  {view.contactName}, {view.contactEmail}
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
