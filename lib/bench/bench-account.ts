import "server-only";
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { db, type Database } from "@/db/client";
import { listLiveGrants } from "@/db/queries/access";
import { findAccountContact } from "@/db/queries/accounts";
import { confirmAuthenticator, findAuthenticator, savePendingAuthenticator } from "@/db/queries/mfa";
import { listMembershipsForUser } from "@/db/queries/organizations";
import { upsertReferenceRecords } from "@/db/queries/reference";
import { markSessionMfaVerified } from "@/db/queries/sessions";
import { provisionAccount } from "@/lib/accounts/provision-account";
import { SESSION_ABSOLUTE_SECONDS, SESSION_COOKIE_NAME } from "@/lib/auth/config";
import { sealTotpSecret } from "@/lib/auth/mfa/secret-cipher";
import { newTotpSecret, TOTP_PERIOD_SECONDS } from "@/lib/auth/mfa/totp";
import { endAllSessions, startSession } from "@/lib/auth/sessions";
import { env } from "@/lib/env";
import { grantAndAudit, joinProviderOrganization } from "@/lib/registration/provider-registration";
import { BENCH_DELEGATE, benchRecords } from "./bench-records";

export interface BenchAccount {
  userId: string;
  sessionId: string;
  taxIds: number;
  npis: number;
  /** What this run wrote: new account, organizations joined, grants added. */
  created: { account: boolean; memberships: number; grants: number; authenticator: boolean };
}

/**
 * Writes (idempotently) the bench delegate of `npm run bench:pages`: 50 Tax IDs of 3 NPIs each in
 * the health plan's records, an account with a confirmed authenticator, the delegate of each Tax
 * ID's organization with an active grant, through the same use cases as registration and the demo
 * seed. Then ends the account's older sessions and starts a fresh one that has passed the second
 * step, as a sign-in with a code would. Run as the schema's owner (ownerDatabase()), in one transaction.
 */
export async function prepareBenchAccount(database: Database = db, now = new Date()): Promise<BenchAccount> {
  const records = benchRecords(now);
  return database.transaction(async (tx) => {
    await upsertReferenceRecords(tx, { taxIds: records.taxIds, npis: records.npis, checks: records.checks, notices: [] });

    // The password is never used (the session below is made directly): a random one nobody knows.
    const provisioned = await provisionAccount(tx, { ...BENCH_DELEGATE, password: randomBytes(24).toString("base64url"), accountType: "provider" }, now);
    const account = await findAccountContact(tx, { email: BENCH_DELEGATE.email });
    if (!account) throw new Error(`The bench account ${BENCH_DELEGATE.email} could not be created.`);
    if (account.accountType !== "provider" || account.status !== "active" || !account.emailVerifiedAt) {
      throw new Error(`${BENCH_DELEGATE.email} exists but is not an active, confirmed provider account: remove it or use another database.`);
    }
    const person = { userId: account.id, firstName: account.firstName, lastName: account.lastName, email: account.email, phone: account.phone };

    const memberOf = new Set((await listMembershipsForUser(tx, account.id)).filter((membership) => membership.role === "delegate").map((membership) => membership.taxId));
    const taxIds = records.taxIds.map((record) => record.taxId);
    const granted = new Set((await listLiveGrants(tx, [account.id], taxIds)).map((grant) => grant.taxId));
    let memberships = 0;
    let grants = 0;
    for (const check of records.checks) {
      if (!memberOf.has(check.taxId)) {
        await joinProviderOrganization(tx, { taxId: check.taxId, person, departed: null, now }, null);
        memberships += 1;
      }
      if (!granted.has(check.taxId)) {
        await grantAndAudit(tx, { userId: account.id, taxId: check.taxId, method: "check", evidence: `Check ending ${check.checkNumber.slice(-4)}`, status: "active", now }, "delegate", null);
        grants += 1;
      }
    }

    // A confirmed authenticator, as production's two-step sign-in requires (its secret is never shown).
    let authenticator = false;
    if (!(await findAuthenticator(tx, account.id))?.confirmedAt) {
      await savePendingAuthenticator(tx, account.id, sealTotpSecret(newTotpSecret()), now);
      await confirmAuthenticator(tx, account.id, Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS), now);
      authenticator = true;
    }

    await endAllSessions(tx, account.id, "ended_by_user", null, now);
    const sessionId = await startSession(tx, account.id, { clientAddress: null, userAgent: "npm run bench:pages", requestId: "bench-pages" }, now);
    await markSessionMfaVerified(tx, sessionId, "totp", now);

    return {
      userId: account.id,
      sessionId,
      taxIds: records.taxIds.length,
      npis: records.npis.length,
      created: { account: Boolean(provisioned), memberships, grants, authenticator },
    };
  });
}

export interface SessionCookie {
  name: string;
  value: string;
  /** When the server-side session ends for good (its idle timeout comes first unless it is used). */
  expiresAt: string;
}

/**
 * The session cookie a browser would hold after signing in: the Auth.js JWT (signed and encrypted
 * with AUTH_SECRET, salted with the cookie's name) that carries the server-side session's id. The
 * server must run with the same AUTH_SECRET and APP_URL (which decides the cookie's name).
 */
export async function benchSessionCookie(account: Pick<BenchAccount, "userId" | "sessionId">, now = new Date()): Promise<SessionCookie> {
  const value = await encode({
    token: { sub: account.userId, sessionId: account.sessionId },
    secret: env().AUTH_SECRET,
    salt: SESSION_COOKIE_NAME,
    maxAge: SESSION_ABSOLUTE_SECONDS,
  });
  return { name: SESSION_COOKIE_NAME, value, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_SECONDS * 1000).toISOString() };
}
