import type { Executor } from "@/db/client";
import { insertAccount, type AccountType } from "@/db/queries/accounts";
import { recordAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";

/**
 * Creates an account whose email is already confirmed (the demo seed; representatives'
 * accounts later). Null when the email already has one: the existing account is left alone.
 */
export async function provisionAccount(
  executor: Executor,
  person: { email: string; firstName: string; lastName: string; phone: string; password: string; accountType: AccountType },
  now = new Date(),
) {
  const passwordHash = await hashPassword(person.password);
  const user = await insertAccount(executor, { ...person, passwordHash, emailVerifiedAt: now, now });
  if (user) await recordAudit(executor, null, { action: "registration.created", outcome: "success", subjectUserId: user.id, details: { method: "provisioned", accountType: person.accountType } });
  return user;
}
