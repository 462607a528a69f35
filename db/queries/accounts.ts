import { and, eq, gt, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { emailVerificationTokens, users } from "../schema";

export type AccountType = (typeof users.$inferSelect)["accountType"];

export interface NewAccount {
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
  passwordHash: string;
  accountType: AccountType;
  registrationSubmissionId?: string | null;
  emailVerifiedAt?: Date | null;
  now: Date;
}

/** Creates an account; null when the email (or the form's submission id) is already taken. */
export async function insertAccount(executor: Executor, account: NewAccount) {
  const [row] = await executor
    .insert(users)
    .values({
      email: account.email,
      firstName: account.firstName,
      lastName: account.lastName,
      phone: account.phone,
      passwordHash: account.passwordHash,
      accountType: account.accountType,
      registrationSubmissionId: account.registrationSubmissionId ?? null,
      emailVerifiedAt: account.emailVerifiedAt ?? null,
      createdAt: account.now,
      updatedAt: account.now,
      passwordChangedAt: account.now,
    })
    .onConflictDoNothing()
    .returning({ id: users.id, email: users.email, firstName: users.firstName, lastName: users.lastName });
  return row ?? null;
}

export async function findAccountIdBySubmission(executor: Executor, submissionId: string): Promise<string | null> {
  const [row] = await executor.select({ id: users.id }).from(users).where(eq(users.registrationSubmissionId, submissionId)).limit(1);
  return row?.id ?? null;
}

/** What sign-in needs to know about an account (the email is already normalized). */
export async function findAccountForSignIn(executor: Executor, email: string) {
  const [row] = await executor
    .select({ id: users.id, email: users.email, firstName: users.firstName, passwordHash: users.passwordHash, status: users.status, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  return row ?? null;
}

export async function findAccountContact(executor: Executor, userIdOrEmail: { id: string } | { email: string }) {
  const [row] = await executor
    .select({ id: users.id, email: users.email, firstName: users.firstName, lastName: users.lastName, phone: users.phone, status: users.status, accountType: users.accountType, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where("id" in userIdOrEmail ? eq(users.id, userIdOrEmail.id) : eq(users.email, userIdOrEmail.email))
    .limit(1);
  return row ?? null;
}

/** Marks an email confirmed (once); returns the address whether or not it was already confirmed. */
export async function markEmailVerified(executor: Executor, userId: string, now: Date): Promise<string | null> {
  const [updated] = await executor
    .update(users)
    .set({ emailVerifiedAt: now, updatedAt: now })
    .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)))
    .returning({ email: users.email });
  if (updated) return updated.email;
  const [current] = await executor.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return current?.email ?? null;
}

export async function setAccountStatus(executor: Executor, userId: string, status: "active" | "deactivated", now: Date): Promise<boolean> {
  const rows = await executor.update(users).set({ status, updatedAt: now }).where(eq(users.id, userId)).returning({ id: users.id });
  return rows.length > 0;
}

export async function insertVerificationToken(executor: Executor, values: { tokenHash: string; userId: string; now: Date; expiresAt: Date }): Promise<void> {
  await executor.insert(emailVerificationTokens).values({ tokenHash: values.tokenHash, userId: values.userId, createdAt: values.now, expiresAt: values.expiresAt });
}

/** Uses a confirmation token if it is unused and unexpired; returns its user, or null. */
export async function useVerificationToken(executor: Executor, tokenHash: string, now: Date): Promise<string | null> {
  const [used] = await executor
    .update(emailVerificationTokens)
    .set({ usedAt: now })
    .where(and(eq(emailVerificationTokens.tokenHash, tokenHash), isNull(emailVerificationTokens.usedAt), gt(emailVerificationTokens.expiresAt, now)))
    .returning({ userId: emailVerificationTokens.userId });
  return used?.userId ?? null;
}

export async function findVerificationToken(executor: Executor, tokenHash: string) {
  const [row] = await executor
    .select({ usedAt: emailVerificationTokens.usedAt, userId: emailVerificationTokens.userId, expiresAt: emailVerificationTokens.expiresAt })
    .from(emailVerificationTokens)
    .where(eq(emailVerificationTokens.tokenHash, tokenHash));
  return row ?? null;
}

/**
 * Brings a deactivated account back for a person re-invited by a delegate: the invitation link
 * proved the address, so they choose a new password. False when the account is not deactivated.
 */
export async function reactivateAccount(
  executor: Executor,
  userId: string,
  values: { firstName: string; lastName: string; phone: string; passwordHash: string; now: Date },
): Promise<boolean> {
  const rows = await executor
    .update(users)
    .set({ status: "active", firstName: values.firstName, lastName: values.lastName, phone: values.phone, passwordHash: values.passwordHash, passwordChangedAt: values.now, emailVerifiedAt: values.now, updatedAt: values.now })
    .where(and(eq(users.id, userId), eq(users.status, "deactivated")))
    .returning({ id: users.id });
  return rows.length > 0;
}
