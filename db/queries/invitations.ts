import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { invitations, users, type InvitedAccess } from "../schema";

export interface NewInvitation {
  tokenHash: string;
  email: string;
  firstName: string;
  lastName: string;
  role: "delegate" | "user";
  organizationId: string;
  access: InvitedAccess[];
  invitedByUserId: string;
  submissionId: string;
  now: Date;
  expiresAt: Date;
}

/** Adds an invitation; null when the form's submission id was already used (a double submit). */
export async function insertInvitation(executor: Executor, values: NewInvitation): Promise<{ id: string } | null> {
  const [row] = await executor
    .insert(invitations)
    .values({
      tokenHash: values.tokenHash,
      email: values.email,
      firstName: values.firstName,
      lastName: values.lastName,
      role: values.role,
      organizationId: values.organizationId,
      access: values.access,
      invitedByUserId: values.invitedByUserId,
      submissionId: values.submissionId,
      createdAt: values.now,
      expiresAt: values.expiresAt,
    })
    .onConflictDoNothing({ target: invitations.submissionId })
    .returning({ id: invitations.id });
  return row ?? null;
}

const invitationColumns = {
  id: invitations.id,
  email: invitations.email,
  firstName: invitations.firstName,
  lastName: invitations.lastName,
  role: invitations.role,
  organizationId: invitations.organizationId,
  access: invitations.access,
  invitedByUserId: invitations.invitedByUserId,
  inviterFirstName: users.firstName,
  inviterLastName: users.lastName,
  createdAt: invitations.createdAt,
  expiresAt: invitations.expiresAt,
  acceptedAt: invitations.acceptedAt,
  cancelledAt: invitations.cancelledAt,
};

export type InvitationRow = NonNullable<Awaited<ReturnType<typeof findInvitationById>>>;

export async function findInvitationById(executor: Executor, id: string) {
  const [row] = await executor.select(invitationColumns).from(invitations).innerJoin(users, eq(users.id, invitations.invitedByUserId)).where(eq(invitations.id, id)).limit(1);
  return row ?? null;
}

export async function findInvitationByTokenHash(executor: Executor, tokenHash: string) {
  const [row] = await executor.select(invitationColumns).from(invitations).innerJoin(users, eq(users.id, invitations.invitedByUserId)).where(eq(invitations.tokenHash, tokenHash)).limit(1);
  return row ?? null;
}

/**
 * Marks an invitation accepted if it is still open (not accepted, not cancelled, not expired).
 * The condition in the UPDATE makes the link single use even when two requests race.
 */
export async function markInvitationAccepted(executor: Executor, id: string, values: { userId: string; now: Date }): Promise<boolean> {
  const rows = await executor
    .update(invitations)
    .set({ acceptedAt: values.now, acceptedUserId: values.userId })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.cancelledAt), gt(invitations.expiresAt, values.now)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}

/** Cancels one open invitation; false when it was already accepted or cancelled. */
export async function cancelInvitation(executor: Executor, id: string, now: Date): Promise<boolean> {
  const rows = await executor
    .update(invitations)
    .set({ cancelledAt: now })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.cancelledAt)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}

/** Cancels the open invitations of an address to an organization (a new one replaces them); returns their ids. */
export async function cancelOpenInvitationsFor(executor: Executor, organizationId: string, email: string, now: Date): Promise<string[]> {
  const rows = await executor
    .update(invitations)
    .set({ cancelledAt: now })
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.cancelledAt)))
    .returning({ id: invitations.id });
  return rows.map((row) => row.id);
}

/** Gives an open invitation a new link and a new expiry (resend): the old link stops working. */
export async function replaceInvitationToken(executor: Executor, id: string, values: { tokenHash: string; expiresAt: Date }): Promise<boolean> {
  const rows = await executor
    .update(invitations)
    .set({ tokenHash: values.tokenHash, expiresAt: values.expiresAt })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.cancelledAt)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}

/** The invitations of these organizations still waiting for an answer (expired ones included), oldest first. */
export async function listOpenInvitations(executor: Executor, organizationIds: string[]) {
  if (organizationIds.length === 0) return [];
  return executor
    .select(invitationColumns)
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(and(inArray(invitations.organizationId, organizationIds), isNull(invitations.acceptedAt), isNull(invitations.cancelledAt)))
    .orderBy(asc(invitations.createdAt));
}
