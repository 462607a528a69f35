import "server-only";
import { db } from "@/db/client";
import { listLiveGrants } from "@/db/queries/access";
import { listOpenInvitations } from "@/db/queries/invitations";
import { listActiveDelegates, listOrganizationMembers } from "@/db/queries/organizations";
import { lastSignInByUser } from "@/db/queries/sessions";
import { delegateScope, type GrantableUnit, type ManagedOrganization } from "./delegate-organizations";

/** A member's access through one grantable unit. */
export interface UnitAccess {
  key: string;
  taxId: string;
  name: string;
  /** null: no live grant; "all": the whole Tax ID; otherwise the chosen NPIs. */
  npis: "all" | string[] | null;
}

/** A person's membership of one of the delegate's organizations, with their access through each of its units. */
export interface MemberAccess {
  organizationId: string;
  kind: "provider" | "billing";
  taxId: string;
  organizationName: string;
  role: "delegate" | "user";
  /** A provider: its one Tax ID. A billing organization: each provider Tax ID it was approved for. */
  access: UnitAccess[];
}

export interface UserSummary {
  userId: string;
  firstName: string;
  lastName: string;
  email: string;
  status: "active" | "deactivated" | "unconfirmed";
  lastSignIn: Date | null;
  memberships: MemberAccess[];
}

export interface InvitationSummary {
  id: string;
  name: string;
  email: string;
  role: "delegate" | "user";
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
  expired: boolean;
  organizationName: string;
}

export interface UsersOverview {
  organizations: ManagedOrganization[];
  units: GrantableUnit[];
  users: UserSummary[];
  invitations: InvitationSummary[];
  /** The organizations where this delegate is the only one: the page suggests adding a second. */
  soleDelegateOf: ManagedOrganization[];
}

/** Everything the Users page shows a delegate: the members of each of their organizations and the open invitations. */
export async function usersOverview(delegateUserId: string, now = new Date()): Promise<UsersOverview> {
  const { organizations, units } = await delegateScope(delegateUserId);
  const ids = organizations.map((organization) => organization.organizationId);
  const [members, invitations, delegates] = await Promise.all([
    listOrganizationMembers(db, ids),
    listOpenInvitations(db, ids),
    Promise.all(ids.map((id) => listActiveDelegates(db, id, now))),
  ]);
  const userIds = [...new Set(members.map((member) => member.userId))];
  const [grants, signIns] = await Promise.all([listLiveGrants(db, userIds, [...new Set(units.map((unit) => unit.taxId))]), lastSignInByUser(db, userIds)]);

  const users = new Map<string, UserSummary>();
  for (const member of members) {
    const organization = organizations.find((candidate) => candidate.organizationId === member.organizationId)!;
    const summary = users.get(member.userId) ?? {
      userId: member.userId,
      firstName: member.firstName,
      lastName: member.lastName,
      email: member.email,
      status: member.accountStatus === "deactivated" ? "deactivated" : member.emailVerified ? "active" : "unconfirmed",
      lastSignIn: signIns.get(member.userId) ?? null,
      memberships: [],
    };
    summary.memberships.push({
      organizationId: organization.organizationId,
      kind: organization.kind,
      taxId: organization.taxId,
      organizationName: organization.name,
      role: member.role,
      access: units
        .filter((unit) => unit.organizationId === organization.organizationId)
        .map((unit) => {
          const grant = grants.find((candidate) => candidate.userId === member.userId && candidate.taxId === unit.taxId && candidate.status === "active");
          return { key: unit.key, taxId: unit.taxId, name: unit.name, npis: grant ? (grant.allNpis ? "all" : grant.npis) : null };
        }),
    });
    users.set(member.userId, summary);
  }

  return {
    organizations,
    units,
    users: [...users.values()],
    invitations: invitations.map((invitation) => ({
      id: invitation.id,
      name: `${invitation.firstName} ${invitation.lastName}`,
      email: invitation.email,
      role: invitation.role,
      invitedBy: `${invitation.inviterFirstName} ${invitation.inviterLastName}`,
      createdAt: invitation.createdAt,
      expiresAt: invitation.expiresAt,
      expired: invitation.expiresAt.getTime() <= now.getTime(),
      organizationName: organizations.find((organization) => organization.organizationId === invitation.organizationId)?.name ?? "",
    })),
    soleDelegateOf: organizations.filter((_, index) => (delegates[index] ?? []).length <= 1),
  };
}

/** One member as the delegate may see them, or null when they belong to none of the delegate's organizations. */
export async function userForDelegate(delegateUserId: string, targetUserId: string, now = new Date()): Promise<{ user: UserSummary; organizations: ManagedOrganization[]; units: GrantableUnit[] } | null> {
  const overview = await usersOverview(delegateUserId, now);
  const user = overview.users.find((candidate) => candidate.userId === targetUserId);
  return user ? { user, organizations: overview.organizations, units: overview.units } : null;
}
