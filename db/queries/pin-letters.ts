import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { preparedPerExecutor } from "./prepared";
import type { Executor } from "../client";
import { accessGrants, pinLetterStatusEnum, pinLetters, providerTaxIds, users, type DepartedDelegateClaim, type LetterAddress } from "../schema";

/** Letters whose PIN can still be entered (if not past expires_at). */
export const LIVE_LETTER_STATUSES = ["queued", "printed", "mailed"] as const;

/** Wrong entries that void a letter. */
export const MAX_PIN_ATTEMPTS = 5;

export interface NewPinLetter {
  taxId: string;
  requestedByUserId: string;
  grantId: string;
  address: LetterAddress;
  pinHash: string;
  pinCiphertext: string;
  letterDate: Date;
  expiresAt: Date;
  departedDelegateClaim: DepartedDelegateClaim | null;
}

export async function insertPinLetter(executor: Executor, letter: NewPinLetter): Promise<{ id: string }> {
  const [row] = await executor.insert(pinLetters).values({ ...letter, status: "queued" }).returning({ id: pinLetters.id });
  if (!row) throw new Error("The PIN letter insert returned no row.");
  return row;
}

/** How many letters a person asked for for one Tax ID since a moment (whatever became of them). */
export async function countLettersSince(executor: Executor, userId: string, taxId: string, since: Date): Promise<number> {
  const [row] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(pinLetters)
    .where(and(eq(pinLetters.requestedByUserId, userId), eq(pinLetters.taxId, taxId), gte(pinLetters.letterDate, since)));
  return Number(row?.count ?? 0);
}

const letterColumns = {
  id: pinLetters.id,
  taxId: pinLetters.taxId,
  grantId: pinLetters.grantId,
  requestedByUserId: pinLetters.requestedByUserId,
  address: pinLetters.address,
  status: pinLetters.status,
  pinHash: pinLetters.pinHash,
  failedAttempts: pinLetters.failedAttempts,
  letterDate: pinLetters.letterDate,
  expiresAt: pinLetters.expiresAt,
  voidedReason: pinLetters.voidedReason,
  departedDelegateClaim: pinLetters.departedDelegateClaim,
};

/** The newest letter of a grant, whatever its status. */
export async function findLatestLetterForGrant(executor: Executor, grantId: string) {
  const [row] = await executor.select(letterColumns).from(pinLetters).where(eq(pinLetters.grantId, grantId)).orderBy(desc(pinLetters.letterDate), desc(pinLetters.id)).limit(1);
  return row ?? null;
}

/** A pending US Mail grant: the person registered by letter and has not entered its PIN yet. */
export interface PendingPinGrant {
  grantId: string;
  taxId: string;
  expiresAt: Date | null;
  organizationName: string | null;
}

/** A person's pending US Mail grants (newest first), each with its Tax ID's name of record. */
const pendingPinGrantsQuery = preparedPerExecutor((executor) =>
  executor
    .select({ grantId: accessGrants.id, taxId: accessGrants.taxId, expiresAt: accessGrants.expiresAt, organizationName: providerTaxIds.legalName })
    .from(accessGrants)
    .leftJoin(providerTaxIds, eq(providerTaxIds.taxId, accessGrants.taxId))
    .where(and(eq(accessGrants.userId, sql.placeholder("userId")), sql`${accessGrants.method} = 'us_mail_pin'`, sql`${accessGrants.status} = 'pending'`))
    .orderBy(desc(accessGrants.createdAt))
    .prepare("list_pending_pin_grants"),
);

export async function listPendingPinGrants(executor: Executor, userId: string): Promise<PendingPinGrant[]> {
  return pendingPinGrantsQuery(executor).execute({ userId });
}

/** Whether a person has any active grant (then the portal opens; pending letters show as a notice). */
export async function hasActiveGrant(executor: Executor, userId: string): Promise<boolean> {
  const [row] = await executor.select({ id: accessGrants.id }).from(accessGrants).where(and(eq(accessGrants.userId, userId), eq(accessGrants.status, "active"))).limit(1);
  return Boolean(row);
}

/** A pending grant waits as long as its newest letter: a new letter moves its expiry. */
export async function setPendingGrantExpiry(executor: Executor, grantId: string, expiresAt: Date): Promise<void> {
  await executor.update(accessGrants).set({ expiresAt }).where(and(eq(accessGrants.id, grantId), eq(accessGrants.status, "pending")));
}

/**
 * Counts one PIN entry before the PIN is compared, in a single statement: of any number of
 * parallel entries at most MAX_PIN_ATTEMPTS get a row back. Null means no try is left (or the
 * letter is no longer live or has expired).
 */
export async function claimPinAttempt(executor: Executor, letterId: string, now: Date): Promise<{ attempts: number } | null> {
  const [row] = await executor
    .update(pinLetters)
    .set({ failedAttempts: sql`${pinLetters.failedAttempts} + 1` })
    .where(
      and(
        eq(pinLetters.id, letterId),
        inArray(pinLetters.status, [...LIVE_LETTER_STATUSES]),
        gt(pinLetters.expiresAt, now),
        lt(pinLetters.failedAttempts, MAX_PIN_ATTEMPTS),
      ),
    )
    .returning({ attempts: pinLetters.failedAttempts });
  return row ?? null;
}

/** Marks a live letter redeemed; the attempt counted for the right PIN is given back. False if it was no longer live. */
export async function redeemLetter(executor: Executor, letterId: string, now: Date): Promise<boolean> {
  const rows = await executor
    .update(pinLetters)
    .set({ status: "redeemed", redeemedAt: now, pinCiphertext: null, failedAttempts: sql`greatest(${pinLetters.failedAttempts} - 1, 0)` })
    .where(and(eq(pinLetters.id, letterId), inArray(pinLetters.status, [...LIVE_LETTER_STATUSES])))
    .returning({ id: pinLetters.id });
  return rows.length > 0;
}

/** Voids one letter if still live (too many wrong PINs). */
export async function voidLetter(executor: Executor, letterId: string, values: { now: Date; reason: string }): Promise<boolean> {
  const rows = await executor
    .update(pinLetters)
    .set({ status: "voided", voidedAt: values.now, voidedReason: values.reason, pinCiphertext: null })
    .where(and(eq(pinLetters.id, letterId), inArray(pinLetters.status, [...LIVE_LETTER_STATUSES])))
    .returning({ id: pinLetters.id });
  return rows.length > 0;
}

/** Voids a person's live letters for a Tax ID (a new letter replaces them); returns their ids. */
export async function voidLiveLetters(executor: Executor, userId: string, taxId: string, values: { now: Date; reason: string }): Promise<string[]> {
  const rows = await executor
    .update(pinLetters)
    .set({ status: "voided", voidedAt: values.now, voidedReason: values.reason, pinCiphertext: null })
    .where(and(eq(pinLetters.requestedByUserId, userId), eq(pinLetters.taxId, taxId), inArray(pinLetters.status, [...LIVE_LETTER_STATUSES])))
    .returning({ id: pinLetters.id });
  return rows.map((row) => row.id);
}

/** Records that a live letter's 30 days are over (noticed when someone tries it). */
export async function expireLetter(executor: Executor, letterId: string, now: Date): Promise<boolean> {
  const rows = await executor
    .update(pinLetters)
    .set({ status: "expired", pinCiphertext: null })
    .where(and(eq(pinLetters.id, letterId), inArray(pinLetters.status, [...LIVE_LETTER_STATUSES]), lt(pinLetters.expiresAt, now)))
    .returning({ id: pinLetters.id });
  return rows.length > 0;
}

/** A queued letter with its sealed PIN, locked until the transaction ends (printing reads it once). */
export async function lockQueuedLetter(executor: Executor, letterId: string) {
  const [row] = await executor
    .select({ ...letterColumns, pinCiphertext: pinLetters.pinCiphertext })
    .from(pinLetters)
    .where(and(eq(pinLetters.id, letterId), eq(pinLetters.status, "queued")))
    .for("update");
  return row ?? null;
}

/** Printed: the sealed PIN is discarded, so its plain text now exists only on paper. */
export async function markLetterPrinted(executor: Executor, letterId: string, values: { now: Date; byUserId: string | null }): Promise<boolean> {
  const rows = await executor
    .update(pinLetters)
    .set({ status: "printed", printedAt: values.now, printedByUserId: values.byUserId, pinCiphertext: null })
    .where(and(eq(pinLetters.id, letterId), eq(pinLetters.status, "queued")))
    .returning({ id: pinLetters.id });
  return rows.length > 0;
}

/** The print queue (oldest first), with who asked: what the dev mailbox (and later the console) lists. */
export async function listQueuedLetters(executor: Executor, limit = 100) {
  return executor
    .select({
      id: pinLetters.id,
      taxId: pinLetters.taxId,
      address: pinLetters.address,
      letterDate: pinLetters.letterDate,
      expiresAt: pinLetters.expiresAt,
      pinCiphertext: pinLetters.pinCiphertext,
      firstName: users.firstName,
      lastName: users.lastName,
    })
    .from(pinLetters)
    .innerJoin(users, eq(users.id, pinLetters.requestedByUserId))
    .where(and(eq(pinLetters.status, "queued"), isNotNull(pinLetters.pinCiphertext)))
    .orderBy(desc(pinLetters.letterDate))
    .limit(limit);
}

/** A person's pending US Mail grant by id (ids come from forms: the owner is re-checked here). */
export async function findPendingPinGrant(executor: Executor, grantId: string, userId: string) {
  const [row] = await executor
    .select({ id: accessGrants.id, taxId: accessGrants.taxId })
    .from(accessGrants)
    .where(and(eq(accessGrants.id, grantId), eq(accessGrants.userId, userId), eq(accessGrants.method, "us_mail_pin"), eq(accessGrants.status, "pending")))
    .limit(1);
  return row ?? null;
}

/** The same, locked until the transaction ends: letter requests for one grant are made one at a time. */
export async function lockPendingPinGrant(executor: Executor, grantId: string, userId: string) {
  const [row] = await executor
    .select({ id: accessGrants.id, taxId: accessGrants.taxId })
    .from(accessGrants)
    .where(and(eq(accessGrants.id, grantId), eq(accessGrants.userId, userId), eq(accessGrants.method, "us_mail_pin"), eq(accessGrants.status, "pending")))
    .for("update");
  return row ?? null;
}

/** What the console shows for a letter: the stored status, or "expired" once a live letter's 30 days are over. */
export const PIN_LETTER_STATUSES = pinLetterStatusEnum.enumValues;
export type PinLetterStatus = (typeof PIN_LETTER_STATUSES)[number];

function shownStatus(now: Date) {
  return sql<PinLetterStatus>`case when ${inArray(pinLetters.status, [...LIVE_LETTER_STATUSES])} and ${pinLetters.expiresAt} <= ${now.toISOString()}::timestamptz then 'expired'::pin_letter_status else ${pinLetters.status} end`;
}

/**
 * The console's letter queue, oldest request first, optionally of one shown status. Never the
 * sealed PIN: representatives see who asked and where the letter goes, not what it says.
 */
export async function listLetterQueue(executor: Executor, options: { status: PinLetterStatus | null; now: Date; limit?: number }) {
  const status = shownStatus(options.now);
  return executor
    .select({
      id: pinLetters.id,
      taxId: pinLetters.taxId,
      address: pinLetters.address,
      organizationName: providerTaxIds.legalName,
      status,
      letterDate: pinLetters.letterDate,
      expiresAt: pinLetters.expiresAt,
      printedAt: pinLetters.printedAt,
      mailedAt: pinLetters.mailedAt,
      redeemedAt: pinLetters.redeemedAt,
      requesterFirstName: users.firstName,
      requesterLastName: users.lastName,
      requesterEmail: users.email,
    })
    .from(pinLetters)
    .innerJoin(users, eq(users.id, pinLetters.requestedByUserId))
    .leftJoin(providerTaxIds, eq(providerTaxIds.taxId, pinLetters.taxId))
    .where(options.status ? sql`${status} = ${options.status}` : undefined)
    .orderBy(asc(pinLetters.letterDate), asc(pinLetters.id))
    .limit(options.limit ?? 200);
}

/** How many letters have each shown status (for the filter). */
export async function countLettersByStatus(executor: Executor, now: Date): Promise<Partial<Record<PinLetterStatus, number>>> {
  const status = shownStatus(now);
  const rows = await executor.select({ status, count: sql<number>`count(*)::int` }).from(pinLetters).groupBy(sql`1`);
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
}

/** Mailed: a printed letter went into the post (once; false when it was not printed or is already mailed). */
export async function markLetterMailed(executor: Executor, letterId: string, values: { now: Date; byUserId: string }) {
  const [row] = await executor
    .update(pinLetters)
    .set({ status: "mailed", mailedAt: values.now, mailedByUserId: values.byUserId })
    .where(and(eq(pinLetters.id, letterId), eq(pinLetters.status, "printed")))
    .returning({ id: pinLetters.id, taxId: pinLetters.taxId });
  return row ?? null;
}
