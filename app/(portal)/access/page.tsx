import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { PendingPinNotice } from "@/components/access/pending-pin-notice";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { FocusOnArrival } from "@/components/ui/focus-on-arrival";
import { PageHeading } from "@/components/ui/page-heading";
import { db } from "@/db/client";
import { listAccessForUser } from "@/db/queries/access";
import { accessListLayoutFor } from "@/lib/access/list-layout";
import { pinLettersOf, portalContextOf, requireUser } from "@/lib/auth/dal";
import { billingViewForDelegate, requestsOfBillingUser, type ProviderDelegateView, type RequestView } from "@/lib/billing/request-view";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/format";
import { formatTaxId } from "@/lib/validation";
import { AccessList } from "./access-list";
import { accessListItems } from "./access-list-items";
import { BillingRequests } from "./billing-requests";
import { BillingOrganizationsWithAccess, RequestsToAnswer } from "./provider-billing";

export const metadata: Metadata = { title: "Tax ID & NPI access" };

export default async function AccessPage({ searchParams }: { searchParams: Promise<{ added?: string | string[]; requested?: string | string[]; revoked?: string | string[] }> }) {
  const user = await requireUser("/access");
  // Representatives have no Tax IDs of their own: their home is the console.
  if (user.accountType === "staff") redirect("/staff");
  // Every read starts at once (the layout shares the person's context, memberships and letters
  // included, through React's cache); the billing reads follow that context, and only for billing
  // users and for providers' delegates whose Tax IDs billing organizations have asked for.
  const contextRead = portalContextOf(user.userId);
  const billingReads = contextRead.then(({ memberships: ofUser, delegateHasBillingRequests }) =>
    Promise.all([
      ofUser.some((membership) => membership.kind === "billing") ? requestsOfBillingUser(user.userId) : Promise.resolve<RequestView[]>([]),
      delegateHasBillingRequests ? billingViewForDelegate(user.userId) : Promise.resolve<ProviderDelegateView>({ pending: [], billingAccess: [] }),
    ] as const),
  );
  const [rows, pin, [requests, delegateView], { added, requested, revoked }, requestHeaders] = await Promise.all([
    listAccessForUser(db, user.userId),
    pinLettersOf(user.userId),
    billingReads,
    searchParams,
    headers(),
  ]);
  const { memberships } = await contextRead;
  const isBilling = memberships.some((membership) => membership.kind === "billing");
  const justRequested = typeof requested === "string" ? requests.find((request) => request.id === requested && request.status === "Pending") : undefined;
  const waiting = requests.filter((request) => request.status === "Pending");
  const roleByTaxId = new Map(memberships.map((membership) => [membership.taxId, membership.role]));
  const listed = rows.map((row) => ({ ...row, memberRole: roleByTaxId.get(row.taxId) ?? null }));
  const delegateOf = memberships.filter((membership) => membership.role === "delegate");
  // Only a Tax ID the person now has active access to is announced, whatever the address says.
  const justAdded = typeof added === "string" ? listed.find((row) => row.taxId === added && row.status === "active") : undefined;

  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <PageHeading
          title="Tax ID & NPI access"
          lead={isBilling ? "The providers you can use the portal for, and your requests to providers. Status is in the right-most column." : "The Tax IDs and NPIs you can use in the portal, and how you got access to each."}
        />
        <div className="mb-6">{isBilling ? <ButtonLink href="/access/request">Request access to a provider</ButtonLink> : <ButtonLink href="/access/add">Add a Tax ID or NPI</ButtonLink>}</div>
      </div>

      {justRequested ? (
        <FocusOnArrival className="mb-6">
          <Notice tone="success" title={`Request sent to ${justRequested.contactName} at ${justRequested.providerName}.`}>
            <p>
              They have until {formatDate(justRequested.expiresAt)} to answer. You&apos;ll get an email when they do, and the status below changes.
            </p>
          </Notice>
        </FocusOnArrival>
      ) : null}
      {revoked === "1" ? (
        <FocusOnArrival className="mb-6">
          <Notice tone="success" title="Access removed.">
            <p>Nobody at that billing organization can use the portal for your Tax ID any more. We told the people who asked by email.</p>
          </Notice>
        </FocusOnArrival>
      ) : null}

      <PendingPinNotice letters={pin.letters} />

      {justAdded ? (
        <FocusOnArrival className="mb-6">
          <Notice tone="success" title={`Access added: ${justAdded.organizationName ?? "Tax ID"} (${formatTaxId(justAdded.taxId)}).`}>
            <p>
              {justAdded.memberRole === "delegate"
                ? "Nobody had registered this Tax ID, so you are its delegate: you manage your co-workers' portal accounts for it."
                : "You are a user of this Tax ID. Its delegate has been told by email."}
            </p>
          </Notice>
        </FocusOnArrival>
      ) : null}

      {delegateOf.length > 0 ? (
        <div className="mb-6">
          <Notice
            tone="info"
            title={
              delegateOf.length > 3
                ? `You are the delegate for ${delegateOf.length} organizations (marked Delegate below).`
                : `You are the delegate for ${delegateOf.map((membership) => `${membership.organizationName ?? "your organization"} (${formatTaxId(membership.taxId)})`).join(", ")}.`
            }
          >
            <p>As the first person to register, you manage the portal accounts of your co-workers at this organization.</p>
          </Notice>
        </div>
      ) : null}

      {delegateView.pending.length > 0 ? <RequestsToAnswer requests={delegateView.pending} /> : null}

      {isBilling ? (
        <div className="mb-10">
          <h2 id="requests-heading" className="mb-3 text-2xl font-semibold text-ink">
            Your requests to providers
          </h2>
          {waiting.length > 0 ? (
            <div className="mb-4">
              <Notice tone="info" title="Waiting for an answer?">
                <p>
                  Contact the provider&apos;s office and ask them to answer the email from {env().PAYER_NAME}. If 30 days pass without an answer, the request expires
                  and you can re-request it: a new email is sent.
                </p>
              </Notice>
            </div>
          ) : null}
          {requests.length === 0 ? (
            <p className="text-muted">None yet. Choose Request access to a provider above for each provider you bill for: the provider&apos;s office approves it by email.</p>
          ) : (
            <BillingRequests requests={requests} />
          )}
        </div>
      ) : null}

      <div className="mb-10">
        {isBilling || delegateView.pending.length > 0 ? (
          <h2 id="access-heading" className="mb-3 text-2xl font-semibold text-ink">
            {isBilling ? "Providers you can use the portal for" : "Your Tax IDs and NPIs"}
          </h2>
        ) : (
          <h2 id="access-heading" className="sr-only">
            Your Tax IDs and NPIs
          </h2>
        )}
        {rows.length === 0 ? <Notice title={isBilling ? "You don't have access to any provider yet." : "You don't have access to any Tax IDs yet."} /> : <AccessList items={accessListItems(listed)} initialLayout={accessListLayoutFor(requestHeaders)} />}
      </div>

      {delegateView.billingAccess.length > 0 || memberships.some((membership) => membership.kind === "provider" && membership.role === "delegate") ? (
        <BillingOrganizationsWithAccess rows={delegateView.billingAccess} />
      ) : null}
    </>
  );
}
