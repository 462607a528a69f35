"use server";

import { cookies } from "next/headers";
import { auth, signOut } from "@/lib/auth";
import { SIGNED_IN_HINT_COOKIE } from "@/lib/auth/signed-in-hint";
import { endSession } from "@/lib/auth/sessions";
import { requestContext } from "@/lib/request-context";

/**
 * Ends the server-side session first (so the cookie is worthless even if kept), then clears the
 * cookie, and the public header's "signed in" hint with it: signing out from a public page's
 * header (which stays on screen) shows Sign in and Register again at once.
 */
export async function signOutAction(): Promise<void> {
  const session = await auth();
  if (session?.sessionId) {
    await endSession(session.sessionId, "sign_out", await requestContext());
  }
  (await cookies()).delete(SIGNED_IN_HINT_COOKIE);
  await signOut({ redirectTo: "/signin?signedOut=1" });
}
