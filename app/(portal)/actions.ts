"use server";

import { auth, signOut } from "@/lib/auth";
import { endSession } from "@/lib/auth/sessions";
import { requestContext } from "@/lib/request-context";

/** Ends the server-side session first (so the cookie is worthless even if kept), then clears the cookie. */
export async function signOutAction(): Promise<void> {
  const session = await auth();
  if (session?.sessionId) {
    await endSession(session.sessionId, "sign_out", await requestContext());
  }
  await signOut({ redirectTo: "/signin?signedOut=1" });
}
