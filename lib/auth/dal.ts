import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { requestContext } from "@/lib/request-context";
import { auth } from "./index";
import { resolveSession, type ActiveSessionUser } from "./sessions";

export type CurrentUser = ActiveSessionUser;

/**
 * The signed-in person for this request, or null. Checks the server-side session row every
 * time (once per request thanks to React's cache), so sign-out, deactivation and the idle
 * and absolute timeouts take effect at once, whatever the cookie says.
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.sessionId) return null;
  const user = await resolveSession(session.sessionId, await requestContext());
  if (!user || user.userId !== session.user?.id) return null;
  return user;
});

/** For pages and actions that need a person: sends everyone else to sign in. */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) {
    redirect(returnTo ? `/signin?callbackUrl=${encodeURIComponent(returnTo)}` : "/signin");
  }
  return user;
}
