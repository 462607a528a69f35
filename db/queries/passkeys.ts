import { and, asc, eq, gt, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { passkeys, totpAuthenticators, users, webauthnChallenges } from "../schema";

export type ChallengePurpose = "register" | "authenticate";

/** An account's passkeys as the settings page lists them, oldest first. */
export async function listPasskeysOfUser(executor: Executor, userId: string) {
  return executor
    .select({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

/** The credential ids (and transports) of an account: to exclude at registration, to allow at sign-in. */
export async function listCredentialsOfUser(executor: Executor, userId: string) {
  return executor.select({ credentialId: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, userId));
}

/** One credential with what verifying an assertion needs, whoever's it is (the caller compares the owner). */
export async function findPasskeyByCredentialId(executor: Executor, credentialId: string) {
  const [row] = await executor
    .select({ id: passkeys.id, userId: passkeys.userId, name: passkeys.name, publicKey: passkeys.publicKey, counter: passkeys.counter, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.credentialId, credentialId))
    .limit(1);
  return row ?? null;
}

export interface NewPasskey {
  userId: string;
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string | null;
  deviceType: string | null;
  backedUp: boolean;
  name: string;
  now: Date;
}

/** Saves a credential; null when that credential id is already registered (to anyone): the unique constraint decides. */
export async function insertPasskey(executor: Executor, passkey: NewPasskey): Promise<string | null> {
  const [row] = await executor
    .insert(passkeys)
    .values({
      userId: passkey.userId,
      credentialId: passkey.credentialId,
      publicKey: passkey.publicKey,
      counter: passkey.counter,
      transports: passkey.transports,
      deviceType: passkey.deviceType,
      backedUp: passkey.backedUp,
      name: passkey.name,
      createdAt: passkey.now,
    })
    .onConflictDoNothing({ target: passkeys.credentialId })
    .returning({ id: passkeys.id });
  return row?.id ?? null;
}

/**
 * Records a use: the new counter and when. Only if the counter is still the one the assertion was
 * checked against, so two parallel uses of one assertion can't both pass. False when it moved.
 */
export async function recordPasskeyUse(executor: Executor, id: string, checkedCounter: number, newCounter: number, now: Date): Promise<boolean> {
  const rows = await executor
    .update(passkeys)
    .set({ counter: newCounter, lastUsedAt: now })
    .where(and(eq(passkeys.id, id), eq(passkeys.counter, checkedCounter)))
    .returning({ id: passkeys.id });
  return rows.length > 0;
}

/** Renames one of the account's passkeys; returns the old name, or null when it is not theirs. */
export async function renamePasskeyOfUser(executor: Executor, userId: string, id: string, name: string): Promise<string | null> {
  const [before] = await executor
    .select({ name: passkeys.name })
    .from(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)))
    .limit(1);
  if (!before) return null;
  await executor.update(passkeys).set({ name }).where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)));
  return before.name;
}

/** Deletes one of the account's passkeys; returns its name, or null when it is not theirs (or already gone). */
export async function deletePasskeyOfUser(executor: Executor, userId: string, id: string): Promise<string | null> {
  const [row] = await executor
    .delete(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)))
    .returning({ name: passkeys.name });
  return row?.name ?? null;
}

/**
 * Locks the account's row until the transaction ends, so that two changes to its second factors
 * (say, removing its last two passkeys at once) are counted one after the other.
 */
export async function lockAccountFactors(executor: Executor, userId: string): Promise<void> {
  await executor.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
}

/** How many second factors an account has: its passkeys, and whether its authenticator app is confirmed. */
export async function countSecondFactors(executor: Executor, userId: string): Promise<{ passkeys: number; authenticatorApp: boolean }> {
  const [keys] = await executor.select({ count: sql<number>`count(*)::int` }).from(passkeys).where(eq(passkeys.userId, userId));
  const [app] = await executor
    .select({ userId: totpAuthenticators.userId })
    .from(totpAuthenticators)
    .where(and(eq(totpAuthenticators.userId, userId), isNotNull(totpAuthenticators.confirmedAt)))
    .limit(1);
  return { passkeys: Number(keys?.count ?? 0), authenticatorApp: Boolean(app) };
}

/** Forgets a session's challenges that have expired (kept until then, used or not, so a replay is recognised). */
export async function deleteExpiredChallenges(executor: Executor, sessionId: string, now: Date): Promise<void> {
  await executor.delete(webauthnChallenges).where(and(eq(webauthnChallenges.sessionId, sessionId), lte(webauthnChallenges.expiresAt, now)));
}

export async function insertChallenge(
  executor: Executor,
  values: { sessionId: string; purpose: ChallengePurpose; challenge: string; now: Date; expiresAt: Date },
): Promise<void> {
  await executor.insert(webauthnChallenges).values({
    sessionId: values.sessionId,
    purpose: values.purpose,
    challenge: values.challenge,
    createdAt: values.now,
    expiresAt: values.expiresAt,
  });
}

/**
 * Uses up a challenge issued to this session for this purpose, if it is unused and not expired:
 * one atomic update, so a response can be checked against it once only. False otherwise.
 */
export async function consumeChallenge(executor: Executor, values: { sessionId: string; purpose: ChallengePurpose; challenge: string; now: Date }): Promise<boolean> {
  const rows = await executor
    .update(webauthnChallenges)
    .set({ usedAt: values.now })
    .where(
      and(
        eq(webauthnChallenges.sessionId, values.sessionId),
        eq(webauthnChallenges.purpose, values.purpose),
        eq(webauthnChallenges.challenge, values.challenge),
        isNull(webauthnChallenges.usedAt),
        gt(webauthnChallenges.expiresAt, values.now),
      ),
    )
    .returning({ id: webauthnChallenges.id });
  return rows.length > 0;
}
