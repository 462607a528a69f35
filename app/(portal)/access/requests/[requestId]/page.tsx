import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FocusOnArrival } from "@/components/ui/focus-on-arrival";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { StatusBadge } from "@/components/ui/status-badge";
import { db } from "@/db/client";
import { listNpisForTaxIds } from "@/db/queries/reference";
import { requireUser } from "@/lib/auth/dal";
import { checkLinkToken, requestForDelegate } from "@/lib/billing/decide-request";
import { viewRequest, type RequestView } from "@/lib/billing/request-view";
import { formatDate } from "@/lib/format";
import { formatTaxId } from "@/lib/validation";
import { decideAction } from "./actions";
import { DecisionButtons } from "./decision-buttons";

export const metadata: Metadata = { title: "Billing organization's request" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

function outcomeSentence(view: RequestView): string {
  const on = view.endedAt ? ` on ${formatDate(view.endedAt)}` : "";
  switch (view.status) {
    case "Approved":
      return `Approved${view.answeredBy ? ` by ${view.answeredBy}` : ""}${on}. ${view.billingOrganizationName} has access; you can remove it at any time from Tax ID & NPI access.`;
    case "Denied":
      return `Denied${view.answeredBy ? ` by ${view.answeredBy}` : ""}${on}. ${view.billingOrganizationName} has no access.`;
    case "Expired":
      return `This request expired${on}, unanswered: its link no longer works. ${view.billingOrganizationName} can send a new request if they still need access.`;
    case "Revoked":
      return `Approved, then removed${on}. ${view.billingOrganizationName} no longer has access.`;
    default:
      return "This request is closed.";
  }
}

/**
 * Where the approval email's buttons lead: the request, for a delegate of the provider's Tax
 * ID, signed in. Opening it changes nothing; the answer is a POST from here. Anyone else gets 404.
 */
export default async function AccessRequestPage({ params, searchParams }: { params: Promise<{ requestId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ requestId }, query] = await Promise.all([params, searchParams]);
  if (!UUID.test(requestId)) notFound();
  const token = one(query.token) ?? null;
  const answer = one(query.answer);
  const returnTo = `/access/requests/${requestId}${token ? `?${new URLSearchParams({ ...(answer ? { answer } : {}), token }).toString()}` : ""}`;
  const user = await requireUser(returnTo);
  const row = await requestForDelegate(db, user.userId, requestId);
  if (!row) notFound();
  const now = new Date();
  const [link, npis] = await Promise.all([checkLinkToken(db, row.id, token), listNpisForTaxIds(db, [row.providerTaxId])]);
  const view = viewRequest(row, new Map(npis.map((npi) => [npi.npi, npi.name])), now);
  const pending = view.status === "Pending";

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/access">Tax ID &amp; NPI access</Link> <span aria-hidden="true">›</span> <span aria-current="page">Billing organization&apos;s request</span>
      </nav>
      <PageHeading
        title={`${view.billingOrganizationName} asks for access to ${view.providerName}`}
        lead="Approve only if you work with this billing organization: its people will see your patients' claims for this Tax ID."
      />

      {query.answered === "1" && !pending ? (
        <FocusOnArrival className="mb-6">
          <Notice tone="success" title={view.status === "Approved" ? "Request approved." : "Request denied."}>
            <p>{outcomeSentence(view)} We emailed {view.requesterName} your answer.</p>
          </Notice>
        </FocusOnArrival>
      ) : !pending ? (
        <FocusOnArrival className="mb-6">
          <Notice tone="info" title="This request has already been answered.">
            <p>{outcomeSentence(view)}</p>
          </Notice>
        </FocusOnArrival>
      ) : null}

      {pending && link === "foreign" ? (
        <div className="mb-6">
          <Notice tone="danger" title="This link doesn't belong to this request." role="alert">
            <p>
              Open the request from <Link href="/access">Tax ID &amp; NPI access</Link> instead: every request waiting for your answer is listed there.
            </p>
          </Notice>
        </div>
      ) : null}

      <section aria-labelledby="request-heading" className="max-w-3xl rounded-lg border border-line bg-surface p-5 shadow-sm">
        <h2 id="request-heading" className="flex flex-wrap items-center gap-3 text-xl font-semibold text-ink">
          The request <StatusBadge tone={pending ? "warning" : view.status === "Approved" ? "success" : view.status === "Expired" ? "muted" : "danger"}>{view.status}</StatusBadge>
        </h2>
        <dl className="mt-4 grid gap-x-6 gap-y-3 [overflow-wrap:anywhere] sm:grid-cols-[12rem_minmax(0,1fr)]">
          <dt className="font-semibold text-muted">Billing organization</dt>
          <dd>
            {view.billingOrganizationName} (Tax ID {formatTaxId(view.billingTaxId)})
          </dd>
          <dt className="font-semibold text-muted">Asked by</dt>
          <dd className="break-words">
            {view.requesterName}, {view.requesterEmail}
          </dd>
          <dt className="font-semibold text-muted">Your Tax ID</dt>
          <dd>
            {view.providerName} ({formatTaxId(view.providerTaxId)})
          </dd>
          <dt className="font-semibold text-muted">NPIs</dt>
          <dd>{view.npis.join(", ")}</dd>
          <dt className="font-semibold text-muted">Sent to</dt>
          <dd className="break-words">
            {view.contactName}, {view.contactEmail}
          </dd>
          <dt className="font-semibold text-muted">Asked on</dt>
          <dd>{formatDate(view.createdAt)}</dd>
          <dt className="font-semibold text-muted">{pending ? "Answer by" : "Expiry date"}</dt>
          <dd>{formatDate(view.expiresAt)}</dd>
        </dl>

        {pending && link !== "foreign" ? (
          <div className="mt-6 border-t border-line pt-5">
            <p className="mb-3 text-ink">
              {answer === "deny" ? "You chose Deny in the email. Confirm it below, or approve instead." : answer === "approve" ? "You chose Approve in the email. Confirm it below, or deny instead." : "Your answer:"}
            </p>
            <DecisionButtons approve={decideAction.bind(null, row.id, "approved", token)} deny={decideAction.bind(null, row.id, "denied", token)} preferDeny={answer === "deny"} />
            <p className="mt-3 text-sm text-muted">
              Approving gives {view.requesterName} access at once; their co-workers get it when their own delegate assigns it. You can take the access of{" "}
              {view.billingOrganizationName} back at any time.
            </p>
          </div>
        ) : null}
      </section>
    </>
  );
}
