import { generateSync } from "otplib";
import { db } from "@/db/client";
import { resolveSession, startSession } from "@/lib/auth/sessions";
import type { ActiveSessionUser } from "@/lib/auth/sessions";
import { authenticatorSetup, confirmAuthenticatorSetup } from "@/lib/auth/mfa/authenticator";
import { provisionAccount } from "@/lib/accounts/provision-account";
import { uniqueEmail } from "@/tests/factories/check-registration";
import { buildRequestContext } from "@/tests/factories/request-context";

/** A confirmed account of its own for a test, with a session (password proved, no second step yet). */
export async function newPerson(accountType: "provider" | "staff" = "provider", now = new Date()): Promise<ActiveSessionUser> {
  const email = uniqueEmail("robin.mfa", "example.org").toLowerCase();
  const user = await provisionAccount(db, { email, firstName: "Robin", lastName: "Keyes", phone: "6125550100", password: "a long test passphrase", accountType }, now);
  if (!user) throw new Error("The test account already exists.");
  return sessionOf(user.id, now);
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const STEP = 30 * SECOND;

/** A new session of a person, as the data-access layer would see it (password proved). */
export async function sessionOf(userId: string, now = new Date()): Promise<ActiveSessionUser> {
  const sessionId = await startSession(db, userId, buildRequestContext(), now);
  const person = await resolveSession(sessionId, null, now);
  if (!person) throw new Error("The new session didn't resolve.");
  return person;
}

/** The same session read again (after its second step changed), at `now`. */
export async function reload(person: ActiveSessionUser, now = new Date()): Promise<ActiveSessionUser> {
  const again = await resolveSession(person.sessionId, null, now);
  if (!again) throw new Error("The session ended.");
  return again;
}

/** The code an authenticator app shows at `at` for a secret. */
export function codeAt(secret: string, at: Date): string {
  return generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/** A wrong code for the moment (a code from an hour earlier, unless it happens to be right now). */
export function wrongCodeAt(secret: string, at: Date): string {
  const near = [-1, 0, 1].map((step) => codeAt(secret, new Date(at.getTime() + step * STEP)));
  for (let hours = 1; ; hours += 1) {
    const candidate = codeAt(secret, new Date(at.getTime() - hours * 60 * MINUTE));
    if (!near.includes(candidate)) return candidate;
  }
}

/** Sets up and confirms an authenticator for a person; returns its secret and the recovery codes shown. */
export async function enrollAuthenticator(person: ActiveSessionUser, now = new Date()): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await authenticatorSetup(person, now);
  if (!setup) throw new Error("An authenticator is already set up.");
  const secret = setup.groupedSecret.replace(/\s/g, "");
  const result = await confirmAuthenticatorSetup(person, codeAt(secret, now), buildRequestContext(), now);
  if (!result.ok) throw new Error(`Enrollment failed: ${result.code}`);
  return { secret, recoveryCodes: result.recoveryCodes ?? [] };
}
