import "server-only";
import { redirect } from "next/navigation";
import { requirePasswordSession, requireUser, type CurrentUser } from "@/lib/auth/dal";
import { passkeyManagerMode } from "./policy";
import { secondFactorsOf } from "./manage";

export interface PasskeyPageAccess {
  user: CurrentUser;
  /** The account has no factor, must have one, and this session owes its second step: the first passkey completes it. */
  firstFactor: boolean;
}

/**
 * For the passkeys page and its actions. A signed-in person passes through requireUser as on any
 * signed-in page; a session that proved its password but must still set up its first factor may
 * come here too (from the set-up page) and add a passkey; a session that owes the second step of
 * an account that has a factor is sent to it.
 */
export async function requirePasskeyPage(returnTo = "/account/security/passkeys"): Promise<PasskeyPageAccess> {
  const session = await requirePasswordSession(returnTo);
  const counts = await secondFactorsOf(session.userId);
  const mode = passkeyManagerMode(session, counts);
  if (mode === "second-step-owed") {
    const step = counts.authenticatorApp ? "/signin/two-step" : "/signin/two-step/passkey";
    redirect(`${step}?callbackUrl=${encodeURIComponent(returnTo)}`);
  }
  if (mode === "first-factor") return { user: session, firstFactor: true };
  return { user: await requireUser(returnTo), firstFactor: false };
}
