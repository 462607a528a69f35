import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { FocusOnArrival } from "@/components/ui/focus-on-arrival";
import { PageHeading } from "@/components/ui/page-heading";
import { requireAnyDelegate } from "@/lib/auth/dal";
import { formatDate } from "@/lib/format";
import { usersOverview } from "@/lib/users/list-users";
import { formatTaxId } from "@/lib/validation";
import { cancelInvitationAction, resendInvitationAction } from "./actions";
import { ActionButton } from "./action-button";
import { BillingAccessNote } from "./billing-access-note";
import { UsersList } from "./users-list";

export const metadata: Metadata = { title: "Users" };

const DONE: Record<string, string> = {
  invited: "Invitation sent. Their access starts when they open the link and set their password.",
  deactivated: "User deactivated. They were signed out everywhere and can no longer see your Tax IDs.",
  handedOver: "Delegate role handed on. You are now a user of that Tax ID.",
};

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireAnyDelegate("/users");
  const overview = await usersOverview(user.userId);
  if (overview.organizations.length === 0) notFound();
  const params = await searchParams;
  const done = Object.keys(DONE).find((key) => params[key] === "1");
  const hasProvider = overview.organizations.some((organization) => organization.kind === "provider");
  const hasBilling = overview.organizations.some((organization) => organization.kind === "billing");

  return (
    <>
      <PageHeading
        title="Users"
        lead={
          hasProvider
            ? "The people who use the portal for the Tax IDs you are delegate for. Add co-workers, change what they can see, or deactivate them when they leave."
            : "The people of your billing organization. Add co-workers, choose which providers they can see, or deactivate them when they leave."
        }
      />
      <div className="mb-6 space-y-3">
        {done ? (
          <FocusOnArrival>
            <Notice tone="success" title={DONE[done]} />
          </FocusOnArrival>
        ) : null}
        {overview.soleDelegateOf.map((organization) => (
          <Notice key={organization.organizationId} tone="warning" title={`You are the only delegate for ${organization.name}.`}>
            <p>
              If you are away or leave, nobody can add or remove users. <Link href="/users/invite">Add a second delegate</Link>, or open a
              user&apos;s page and make them a delegate.
            </p>
          </Notice>
        ))}
      </div>

      {hasBilling ? (
        <section aria-labelledby="providers-heading" className="mb-6 rounded-lg border border-line bg-surface p-5 shadow-sm">
          <h2 id="providers-heading" className="mb-2 text-xl font-semibold text-ink">
            Providers your organization may give access to
          </h2>
          {overview.units.some((unit) => unit.kind === "billing") ? (
            <ul className="mb-3 list-disc space-y-1 pl-6">
              {overview.units
                .filter((unit) => unit.kind === "billing")
                .map((unit) => (
                  <li key={unit.key}>
                    {unit.name} <span className="whitespace-nowrap">(Tax ID {formatTaxId(unit.taxId)}):</span> {unit.allNpis ? "all NPIs" : unit.npis.map((npi) => `NPI ${npi.npi}`).join(", ")}
                  </li>
                ))}
            </ul>
          ) : null}
          <BillingAccessNote hasProviders={overview.units.some((unit) => unit.kind === "billing")} />
        </section>
      ) : null}

      <div className="mb-6">
        <ButtonLink href="/users/invite">Add a user</ButtonLink>
      </div>

      <section aria-labelledby="users-heading" className="mb-10">
        <h2 id="users-heading" className="mb-3 text-2xl font-semibold text-ink">
          People with access
        </h2>
        <UsersList users={overview.users} currentUserId={user.userId} />
      </section>

      <section aria-labelledby="invitations-heading" className="mb-10">
        <h2 id="invitations-heading" className="mb-3 text-2xl font-semibold text-ink">
          Invitations waiting for an answer
        </h2>
        {overview.invitations.length === 0 ? (
          <p className="text-muted">None. Invitations appear here until the person sets their password.</p>
        ) : (
          <ul className="space-y-3">
            {overview.invitations.map((invitation) => (
              <li key={invitation.id} className="rounded-lg border border-line bg-surface p-4 shadow-sm">
                <p className="font-semibold">
                  {invitation.name} <span className="break-all font-normal text-muted">{invitation.email}</span>
                </p>
                <p className="text-sm">
                  {invitation.role === "delegate" ? "Delegate" : "User"} of {invitation.organizationName} · invited by {invitation.invitedBy} on {formatDate(invitation.createdAt)} ·{" "}
                  {invitation.expired ? <strong>link expired on {formatDate(invitation.expiresAt)}: send it again</strong> : <>link valid until {formatDate(invitation.expiresAt)}</>}
                </p>
                <div className="mt-3 flex flex-wrap items-start gap-3">
                  <ActionButton action={resendInvitationAction.bind(null, invitation.id)} label={`Send again to ${invitation.name}`} pendingLabel="Sending…" />
                  <ActionButton action={cancelInvitationAction.bind(null, invitation.id)} label={`Cancel invitation for ${invitation.name}`} pendingLabel="Cancelling…" />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      {hasProvider ? (
        <Notice tone="info" title="Billing services register on their own">
          <p>
            You can&apos;t add a billing service&apos;s staff here. Billing services need to register separately through the billing
            organization option, then ask for access to your Tax ID. Send them to{" "}
            <Link href="/register/billing">
              register as a billing organization
            </Link>
            .
          </p>
        </Notice>
      ) : null}
    </>
  );
}
