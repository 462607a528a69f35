import "server-only";
import { db } from "@/db/client";
import { listLiveGrants } from "@/db/queries/access";
import { listOpenInvitations } from "@/db/queries/invitations";
import { listActiveDelegates, listOrganizationMembers } from "@/db/queries/organizations";
import { lastSignInByUser } from "@/db/queries/sessions";
import { delegateOrganizations, type DelegateOrganization } from "./delegate-organizations";

export interface MemberAccess {
  organizationId: string;
  taxId: string;
  organizationName: string;
  role: "delegate" | "user";
  /** null: no live grant; "all": the whole Tax ID; otherwise the chosen NPIs. */
  npis: "all" | string[] | null;
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
  organizations: DelegateOrganization[];
  users: UserSummary[];
  invitations: InvitationSummary[];
  /** The organizations where this delegate is the only one: the page suggests adding a second. */
  soleDelegateOf: DelegateOrganization[];
}

/** Everything the Users page shows a delegate: the members of each of their organizations and the open invitations. */
export async function usersOverview(delegateUserId: string, now = new Date()): Promise<UsersOverview> {
  const organizations = await delegateOrganizations(delegateUserId);
  const ids = organizations.map((organization) => organization.organizationId);
  const [members, invitations, delegates] = await Promise.all([
    listOrganizationMembers(db, ids),
    listOpenInvitations(db, ids),
    Promise.all(ids.map((id) => listActiveDelegates(db, id, now))),
  ]);
  const userIds = [...new Set(members.map((member) => member.userId))];
  const [grants, signIns] = await Promise.all([
    listLiveGrants(
      db,
      userIds,
      organizations.map((organization) => organization.taxId),
    ),
    lastSignInByUser(db, userIds),
  ]);

  const users = new Map<string, UserSummary>();
  for (const member of members) {
    const organization = organizations.find((candidate) => candidate.organizationId === member.organizationId)!;
    const grant = grants.find((candidate) => candidate.userId === member.userId && candidate.taxId === organization.taxId && candidate.status === "active");
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
      taxId: organization.taxId,
      organizationName: organization.name,
      role: member.role,
      npis: grant ? (grant.allNpis ? "all" : grant.npis) : null,
    });
    users.set(member.userId, summary);
  }

  return {
    organizations,
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
export async function userForDelegate(delegateUserId: string, targetUserId: string, now = new Date()): Promise<{ user: UserSummary; organizations: DelegateOrganization[] } | null> {
  const overview = await usersOverview(delegateUserId, now);
  const user = overview.users.find((candidate) => candidate.userId === targetUserId);
  return user ? { user, organizations: overview.organizations } : null;
}
