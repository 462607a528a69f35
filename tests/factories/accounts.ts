import { confirmEmail } from "@/lib/auth/email-verification";
import type { CheckRegistration } from "@/lib/registration/check-registration-schema";
import { registerWithCheck } from "@/lib/registration/register-with-check";
import { latestVerificationToken } from "@/tests/support/outbox";
import { findUserByEmail } from "@/tests/support/queries";
import { buildRequestContext } from "./request-context";

export interface RegisteredAccount {
  userId: string;
  email: string;
  password: string;
}

/**
 * Registers someone through the real registration (a check from the demo data) and,
 * unless told otherwise, confirms their email with the link from the outbox.
 */
export async function registerAccount(registration: CheckRegistration, options: { confirm?: boolean } = {}): Promise<RegisteredAccount> {
  const result = await registerWithCheck(registration, buildRequestContext());
  if (!result.ok) throw new Error(`Registration in a test setup failed: ${result.code}`);
  if (options.confirm ?? true) {
    const confirmed = await confirmEmail(await latestVerificationToken(registration.email), buildRequestContext());
    if (!confirmed.ok) throw new Error(`Email confirmation in a test setup failed: ${confirmed.reason}`);
  }
  const user = await findUserByEmail(registration.email);
  if (!user) throw new Error("The registered user is missing.");
  return { userId: user.id, email: registration.email, password: registration.password };
}
