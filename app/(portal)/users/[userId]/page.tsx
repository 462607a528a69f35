import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeading } from "@/components/ui/page-heading";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireAnyDelegate } from "@/lib/auth/dal";
import { formatDateTime } from "@/lib/format";
import { userForDelegate } from "@/lib/users/list-users";
import { formatTaxId } from "@/lib/validation";
import { changeAccessAction, changeRoleAction, deactivateAction, handOverAction } from "../actions";
import { ActionButton } from "../action-button";
import { BillingAccessNote } from "../billing-access-note";
import { ChangeAccessForm } from "./change-access-form";

export const metadata: Metadata = { title: "Manage a user" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ManageUserPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const me = await requireAnyDelegate(`/users/${userId}`);
  // Only people in one of the caller's organizations exist here; anyone else is a 404.
  const found = UUID.test(userId) ? await userForDelegate(me.userId, userId) : null;
  if (!found) notFound();
  const { user, units } = found;
  const name = `${user.firstName} ${user.lastName}`;
  const isMe = user.userId === me.userId;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/users">Users</Link> <span aria-hidden="true">›</span> <span aria-current="page">{name}</span>
      </nav>
      <PageHeading title={isMe ? `${name} (you)` : name} lead={<span className="break-all">{user.email}</span>} />
      <dl className="mb-8 grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">Status</dt>
        <dd>
          <StatusBadge tone={user.status === "active" ? "success" : "warning"}>{user.status === "active" ? "Active" : user.status === "unconfirmed" ? "Email not confirmed" : "Deactivated"}</StatusBadge>
        </dd>
        <dt className="font-semibold">Last sign-in</dt>
        <dd>{user.lastSignIn ? formatDateTime(user.lastSignIn) : "Never"}</dd>
      </dl>

      {user.memberships.map((membership) => {
        const heading = `${membership.organizationName} (Tax ID ${formatTaxId(membership.taxId)})`;
        const roles = <RoleActions organizationId={membership.organizationId} organizationName={membership.organizationName} role={membership.role} userId={user.userId} name={name} isMe={isMe} />;
        if (membership.kind === "provider") {
          const unit = units.find((candidate) => candidate.key === membership.access[0]?.key)!;
          const npis = membership.access[0]?.npis ?? null;
          const current = { key: unit.key, npis: npis === "all" || npis === null ? null : npis };
          return (
            <section key={membership.organizationId} aria-label={heading} className="mb-8 space-y-6 rounded-lg border border-line bg-surface p-5 shadow-sm">
              <h2 className="text-xl font-semibold text-ink">{heading}</h2>
              <p>
                Role: <strong>{membership.role === "delegate" ? "Delegate" : "User"}</strong>
              </p>
              <ChangeAccessForm action={changeAccessAction.bind(null, unit.key, user.userId)} unit={unit} current={current} />
              {roles}
            </section>
          );
        }
        return (
          <section key={membership.organizationId} aria-label={heading} className="mb-8 space-y-6 rounded-lg border border-line bg-surface p-5 shadow-sm">
            <h2 className="text-xl font-semibold text-ink">{heading}</h2>
            <p>
              Role: <strong>{membership.role === "delegate" ? "Delegate" : "User"}</strong> of this billing organization
            </p>
            <section aria-labelledby={`providers-${membership.organizationId}`} className="space-y-4">
              <h3 id={`providers-${membership.organizationId}`} className="text-lg font-semibold text-ink">
                Provider access
              </h3>
              <BillingAccessNote hasProviders={membership.access.length > 0} />
              {membership.access.map((access) => {
                const unit = units.find((candidate) => candidate.key === access.key)!;
                const current = access.npis === null ? null : { key: unit.key, npis: access.npis === "all" ? null : access.npis };
                return (
                  <div key={unit.key} className="border-t border-line pt-4">
                    <ChangeAccessForm action={changeAccessAction.bind(null, unit.key, user.userId)} unit={unit} current={current} allowNone />
                  </div>
                );
              })}
            </section>
            {roles}
          </section>
        );
      })}

      {isMe ? null : (
        <section aria-labelledby="deactivate-heading" className="rounded-lg border border-line bg-surface p-5 shadow-sm">
          <h2 id="deactivate-heading" className="text-xl font-semibold text-ink">
            Deactivate
          </h2>
          <p className="mb-4 mt-1">When someone leaves your organization, deactivate them so they can no longer see your members&apos; information.</p>
          <ActionButton
            action={deactivateAction.bind(null, user.userId)}
            label={`Deactivate ${name}`}
            pendingLabel="Deactivating…"
            confirm={{
              title: `Deactivate ${name}?`,
              body: `They are signed out at once and lose access to ${user.memberships.map((membership) => membership.organizationName).join(" and ")}. To bring them back later, add them again.`,
              confirmLabel: "Yes, deactivate",
            }}
          />
        </section>
      )}
    </>
  );
}

/** Role changes for one organization: make a delegate, hand the role over, or step back to user. */
function RoleActions({ organizationId, organizationName, role, userId, name, isMe }: { organizationId: string; organizationName: string; role: "delegate" | "user"; userId: string; name: string; isMe: boolean }) {
  return (
    <div className="flex flex-wrap gap-6 border-t border-line pt-4">
      {role === "user" ? (
        <>
          <ActionButton action={changeRoleAction.bind(null, organizationId, userId, "delegate")} label="Make them a delegate too" pendingLabel="Saving…" />
          <ActionButton
            action={handOverAction.bind(null, organizationId, userId)}
            label="Hand the delegate role to them"
            pendingLabel="Handing over…"
            confirm={{
              title: `Make ${name} the delegate instead of you?`,
              body: `${name} becomes a delegate of ${organizationName} and you become a user: you will no longer be able to manage its users.`,
              confirmLabel: "Yes, hand it over",
            }}
          />
        </>
      ) : (
        <ActionButton action={changeRoleAction.bind(null, organizationId, userId, "user")} label={isMe ? "Stop being a delegate" : "Make them a user (not a delegate)"} pendingLabel="Saving…" />
      )}
    </div>
  );
}
