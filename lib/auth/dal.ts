import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db/client";
import { listMembershipsForUser } from "@/db/queries/organizations";
import { pendingPinLetters } from "@/lib/pin-letters/pending-letters";
import { requestContext } from "@/lib/request-context";
import { auth } from "./index";
import { resolveSession, type ActiveSessionUser } from "./sessions";

export type CurrentUser = ActiveSessionUser;

/**
 * The person whose password this request's session has proved, whether or not the session has
 * passed the second step yet (for the two-step pages only), or null. Checks the server-side
 * session row (once per request).
 */
export const currentSession = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.sessionId) return null;
  const user = await resolveSession(session.sessionId, await requestContext());
  if (!user || user.userId !== session.user?.id) return null;
  return user;
});

/** For the second-step pages: a session whose password is proved, else back to sign in. */
export async function requirePasswordSession(returnTo?: string): Promise<CurrentUser> {
  const user = await currentSession();
  if (!user) redirect(returnTo ? `/signin?callbackUrl=${encodeURIComponent(returnTo)}` : "/signin");
  return user;
}

/**
 * The signed-in person for this request, or null. Checks the server-side session row every
 * time (once per request thanks to React's cache), so sign-out, deactivation and the idle
 * and absolute timeouts take effect at once, whatever the cookie says.
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  return currentSession();
});

/** For pages and actions that need a person: sends everyone else to sign in. */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) {
    redirect(returnTo ? `/signin?callbackUrl=${encodeURIComponent(returnTo)}` : "/signin");
  }
  return user;
}

export interface DelegateContext {
  user: CurrentUser;
  organizationId: string;
  taxId: string;
  organizationName: string | null;
}

/** The organizations the signed-in person belongs to, with their role (read once per request). */
export const membershipsOf = cache((userId: string) => listMembershipsForUser(db, userId));

/** The organizations the signed-in person is a delegate of now. */
export const delegateMemberships = cache(async (userId: string) => {
  const memberships = await membershipsOf(userId);
  return memberships.filter((membership) => membership.role === "delegate");
});

/** The person's letters waiting for a PIN, and whether they close the portal (read once per request). */
export const pinLettersOf = cache((userId: string) => pendingPinLetters(userId));

/**
 * Someone who may not use a page: a person still waiting for their PIN goes back to the PIN
 * page (the portal is closed to them), everyone else gets 404.
 */
async function refuse(user: CurrentUser): Promise<never> {
  if ((await pinLettersOf(user.userId)).gated) redirect("/access");
  notFound();
}

/**
 * For pages and actions that only a delegate of this Tax ID may use: sends visitors to sign in
 * and answers 404 to everyone else (so nobody learns which Tax IDs exist).
 */
export async function requireDelegate(taxId: string, returnTo?: string): Promise<DelegateContext> {
  const user = await requireUser(returnTo);
  const membership = (await delegateMemberships(user.userId)).find((candidate) => candidate.taxId === taxId);
  if (!membership) return refuse(user);
  return { user, organizationId: membership.organizationId, taxId: membership.taxId, organizationName: membership.organizationName };
}

/** The same check by organization id (ids travel in forms; they are re-checked here). */
export async function requireDelegateOfOrganization(organizationId: string, returnTo?: string): Promise<DelegateContext> {
  const user = await requireUser(returnTo);
  const membership = (await delegateMemberships(user.userId)).find((candidate) => candidate.organizationId === organizationId);
  if (!membership) return refuse(user);
  return { user, organizationId: membership.organizationId, taxId: membership.taxId, organizationName: membership.organizationName };
}

/** For pages that any delegate may open (/users): everyone else gets what refuse() gives. */
export async function requireAnyDelegate(returnTo?: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if ((await delegateMemberships(user.userId)).length === 0) return refuse(user);
  return user;
}
