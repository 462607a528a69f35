import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/lib/format";
import type { MemberAccess, UnitAccess, UserSummary } from "@/lib/users/list-users";
import { formatTaxId } from "@/lib/validation";

const STATUS = {
  active: { label: "Active", tone: "success" },
  unconfirmed: { label: "Email not confirmed", tone: "warning" },
  deactivated: { label: "Deactivated", tone: "muted" },
} as const;

function describeAccess(npis: UnitAccess["npis"]): string {
  if (npis === null) return "No access";
  if (npis === "all") return "All NPIs";
  return npis.map((npi) => `NPI ${npi}`).join(", ");
}

/** A billing organization's provider: "Northside Pediatrics (41-2345678): all NPIs". */
function ProviderAccess({ unit }: { unit: UnitAccess }) {
  const what = unit.npis === null ? "no access" : unit.npis === "all" ? "all NPIs" : unit.npis.map((npi) => `NPI ${npi}`).join(", ");
  return (
    <>
      {unit.name} <span className="whitespace-nowrap">({formatTaxId(unit.taxId)}):</span> {what}
    </>
  );
}

function Membership({ membership }: { membership: MemberAccess }) {
  const role = membership.role === "delegate" ? "Delegate" : "User";
  return (
    <>
      <span className="font-semibold">{membership.organizationName}</span> <span className="whitespace-nowrap font-mono text-sm">{formatTaxId(membership.taxId)}</span>
      {membership.kind === "provider" ? (
        <span className="block text-sm">
          {role} · {describeAccess(membership.access[0]?.npis ?? null)}
        </span>
      ) : (
        <>
          <span className="block text-sm">{role} · billing organization</span>
          {membership.access.length === 0 ? (
            <span className="block text-sm text-muted">No provider has approved your organization yet</span>
          ) : (
            <ul className="text-sm" aria-label={`Provider access through ${membership.organizationName}`}>
              {membership.access.map((unit) => (
                <li key={unit.key}>
                  <ProviderAccess unit={unit} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

function Access({ user }: { user: UserSummary }) {
  return (
    <ul className="space-y-2">
      {user.memberships.map((membership) => (
        <li key={membership.organizationId}>
          <Membership membership={membership} />
        </li>
      ))}
    </ul>
  );
}

function NameLink({ user, currentUserId }: { user: UserSummary; currentUserId: string }) {
  return (
    <>
      <Link href={`/users/${user.userId}`} className="font-semibold">
        {user.firstName} {user.lastName}
      </Link>
      {user.userId === currentUserId ? <span className="text-sm text-muted"> (you)</span> : null}
    </>
  );
}

function lastSignIn(user: UserSummary): string {
  return user.lastSignIn ? formatDateTime(user.lastSignIn) : "Never";
}

/**
 * The people of the delegate's organizations: a table on wide screens, one card per person
 * on phones (so nothing scrolls sideways at 390 px). Only one of the two is displayed, so
 * assistive technology meets each person once.
 */
export function UsersList({ users, currentUserId }: { users: UserSummary[]; currentUserId: string }) {
  return (
    <>
      <div className="hidden rounded-lg border border-line bg-surface shadow-sm md:block">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Users of your organizations. Choose a name to change their access or role, or to deactivate them.</caption>
          <thead className="bg-canvas text-sm text-muted">
            <tr>
              <th scope="col" className="px-4 py-3 font-semibold">Name and email</th>
              <th scope="col" className="px-4 py-3 font-semibold">Tax IDs, role and NPIs</th>
              <th scope="col" className="px-4 py-3 font-semibold">Status</th>
              <th scope="col" className="px-4 py-3 font-semibold">Last sign-in</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.userId} className="border-t border-line align-top">
                <th scope="row" className="px-4 py-3 font-normal">
                  <NameLink user={user} currentUserId={currentUserId} />
                  <span className="block break-all text-sm text-muted">{user.email}</span>
                </th>
                <td className="px-4 py-3">
                  <Access user={user} />
                </td>
                <td className="px-4 py-3">
                  <StatusBadge tone={STATUS[user.status].tone}>{STATUS[user.status].label}</StatusBadge>
                </td>
                <td className="px-4 py-3 text-sm">{lastSignIn(user)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-3 md:hidden" aria-label="Users of your organizations">
        {users.map((user) => (
          <li key={user.userId} className="rounded-lg border border-line bg-surface p-4 shadow-sm">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div>
                <NameLink user={user} currentUserId={currentUserId} />
                <span className="block break-all text-sm text-muted">{user.email}</span>
              </div>
              <StatusBadge tone={STATUS[user.status].tone}>{STATUS[user.status].label}</StatusBadge>
            </div>
            <div className="mt-3">
              <Access user={user} />
            </div>
            <p className="mt-2 text-sm text-muted">Last sign-in: {lastSignIn(user)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
