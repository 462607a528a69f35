import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db/client";
import { factorSummary } from "@/db/queries/mfa";
import { readPortalContext } from "@/db/queries/portal";
import { pendingPinLetters } from "@/lib/pin-letters/pending-letters";
import { requestContext } from "@/lib/request-context";
import { safeCallbackUrl } from "./callback-url";
import { auth } from "./index";
import { secondStepDue, secondStepPath, type SecondStepDue } from "./mfa/policy";
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

/** The account's second factors (authenticator, passkeys, recovery codes left), read once per request. */
export const factorsOf = cache((userId: string) => factorSummary(db, userId));

/**
 * What this request's session still owes after the password: "none", "verify" (a code from a
 * factor the account has) or "setup" (a first factor, when one is required). Null without a session.
 */
export const secondStepDueNow = cache(async (): Promise<SecondStepDue | null> => {
  const session = await currentSession();
  if (!session) return null;
  // A session that passed the second step owes nothing: no need to read the factors.
  if (session.mfaVerifiedAt) return "none";
  return secondStepDue(session, await factorsOf(session.userId));
});

/**
 * The signed-in person for this request, or null. Checks the server-side session row every
 * time (once per request thanks to React's cache), so sign-out, deactivation and the idle
 * and absolute timeouts take effect at once, whatever the cookie says. A session that still
 * owes the second step of sign-in is not signed in.
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await currentSession();
  if (!session) return null;
  return (await secondStepDueNow()) === "none" ? session : null;
});

/**
 * For pages and actions that need a person: sends visitors to sign in, and a session that still
 * owes the second step to it (/signin/two-step, or /account/security/setup for a first factor),
 * keeping where it was going.
 */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const session = await currentSession();
  if (!session) {
    redirect(returnTo ? `/signin?callbackUrl=${encodeURIComponent(returnTo)}` : "/signin");
  }
  const due = await secondStepDueNow();
  if (due && due !== "none") redirect(secondStepPath(due, returnTo ? safeCallbackUrl(returnTo) : null));
  return session;
}

/**
 * For /account/security/setup (and a passkey's enrollment during it): a session that is signed in,
 * or that owes a first factor; one that owes a code goes to /signin/two-step.
 */
export async function requireEnrollingUser(returnTo?: string): Promise<CurrentUser> {
  const session = await requirePasswordSession(returnTo);
  if ((await secondStepDueNow()) === "verify") redirect(secondStepPath("verify", returnTo ? safeCallbackUrl(returnTo) : null));
  return session;
}

export interface DelegateContext {
  user: CurrentUser;
  organizationId: string;
  taxId: string;
  organizationName: string | null;
}

/**
 * What the portal's layout and its pages read about the signed-in person (memberships, pending
 * letters, whether billing organizations asked a delegate for access): one statement, once per request.
 */
export const portalContextOf = cache((userId: string) => readPortalContext(db, userId));

/** The organizations the signed-in person belongs to, with their role (read once per request). */
export const membershipsOf = cache(async (userId: string) => (await portalContextOf(userId)).memberships);

/** The organizations the signed-in person is a delegate of now. */
export const delegateMemberships = cache(async (userId: string) => {
  const memberships = await membershipsOf(userId);
  return memberships.filter((membership) => membership.role === "delegate");
});

/** The person's letters waiting for a PIN, and whether they close the portal (read once per request). */
export const pinLettersOf = cache(async (userId: string) => pendingPinLetters(userId, { grants: (await portalContextOf(userId)).pendingPinGrants }));

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

/**
 * For the representatives' console: a staff account that has passed its second step. Everyone
 * else, a visitor included, gets 404, so nobody learns that the console exists. A staff session
 * still owing its second step goes to it, keeping where it was going.
 */
export async function requireStaff(returnTo?: string): Promise<CurrentUser> {
  const session = await currentSession();
  if (session?.accountType !== "staff") notFound();
  return requireUser(returnTo);
}
