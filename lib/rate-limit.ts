import { RateLimiterDrizzle } from "rate-limiter-flexible";
import { db } from "@/db/client";
import { rateLimits } from "@/db/schema";

/**
 * Limits on guessing. Counters live in the database (rate-limiter-flexible's drizzle
 * store), so they hold across restarts and are shared by every instance of the app.
 * Each limit counts failures only: a person who gets it right is never slowed down.
 */
export const LIMITS = {
  /** Check/vendor numbers are short: 10 failed verifications an hour per client address, whatever the Tax ID... */
  verificationByClient: { keyPrefix: "verify:client", points: 10, duration: 60 * 60 },
  /** ...5 in 15 minutes for one Tax ID from one client address (key "<tax id>|<address>")... */
  verificationByTaxIdAndClient: { keyPrefix: "verify:taxid-client", points: 5, duration: 15 * 60 },
  /**
   * ...and a much higher ceiling per Tax ID from everywhere, against guessing spread over many
   * addresses: a stranger from one address can't pause an organization's registrations.
   */
  verificationByTaxId: { keyPrefix: "verify:taxid", points: 100, duration: 24 * 60 * 60 },
  /** Failed sign-ins for one email from one client address (key "<email>|<address>"): slowed after the first, paused for 15 minutes after 5. */
  signinByAccountAndClient: { keyPrefix: "signin:account-client", points: 5, duration: 15 * 60 },
  /** Failed sign-ins from one client address across any accounts. */
  signinByClient: { keyPrefix: "signin:client", points: 30, duration: 60 * 60 },
  /**
   * Failed sign-ins for one email from everywhere: a ceiling against guessing spread over many
   * addresses. A device that has signed in to the account before (device cookie) is not held by it.
   */
  signinByAccount: { keyPrefix: "signin:account", points: 100, duration: 24 * 60 * 60 },
  /** New confirmation links sent to one address (at sign-in, and "Send it again" after registering). */
  verificationEmailByAddress: { keyPrefix: "verify-email:resend", points: 3, duration: 60 * 60 },
  /** "Send it again" on "Check your email" from one client address, whatever the address registered. */
  verificationResendByClient: { keyPrefix: "verify-email:resend-client", points: 10, duration: 60 * 60 },
  /** Wrong PINs for one account over 30 days, across all its letters (a new letter does not reset it). */
  pinEntryByUser: { keyPrefix: "pin:user", points: 12, duration: 30 * 24 * 60 * 60 },
  /** Lookups of the health plan's records by Tax ID from one client address (US Mail, not listed). */
  registryLookupByClient: { keyPrefix: "lookup:client", points: 30, duration: 60 * 60 },
  /** Cases opened from public forms by one client address. */
  caseFormByClient: { keyPrefix: "case:client", points: 10, duration: 60 * 60 },
  /** "Someone tried to register your email" notices to one address: one a day. */
  accountExistsEmailByAddress: { keyPrefix: "account-exists:address", points: 1, duration: 24 * 60 * 60 },
  /** Invitations sent by one delegate in a day. */
  invitationsByUser: { keyPrefix: "invite:user", points: 30, duration: 24 * 60 * 60 },
  /** Failed passkey answers at the second step of one account's sign-in: like its password, 5 per 15 minutes. */
  passkeyByAccount: { keyPrefix: "passkey:account", points: 5, duration: 15 * 60 },
  /** "Forgot password" requests for one address (every request counts; over it, no email, same answer). */
  passwordResetByAddress: { keyPrefix: "password-reset:address", points: 3, duration: 60 * 60 },
  /** "Forgot password" requests from one client address, whatever the email. */
  passwordResetByClient: { keyPrefix: "password-reset:client", points: 20, duration: 60 * 60 },
  /** Wrong current passwords typed in account settings (change password or email), per account, like sign-in. */
  currentPasswordByUser: { keyPrefix: "current-password:user", points: 5, duration: 15 * 60 },
  /** Email-change requests by one account in a day (each mails two addresses). */
  emailChangeByUser: { keyPrefix: "email-change:user", points: 5, duration: 24 * 60 * 60 },
  /** Wrong second-step codes (authenticator or recovery) for one account: paused for 15 minutes after 5. */
  mfaCodeByAccount: { keyPrefix: "mfa:account", points: 5, duration: 15 * 60 },
  /** Wrong second-step codes from one client address across any accounts. */
  mfaCodeByClient: { keyPrefix: "mfa:client", points: 30, duration: 60 * 60 },
  /**
   * Refused access requests by one billing account (a contact who is not the provider's delegate,
   * a Tax ID nobody registered, NPIs not under it): the form is a lookup of who the delegates are.
   */
  accessRequestRefusalsByUser: { keyPrefix: "access-request:user", points: 10, duration: 60 * 60 },
  /** The same from one client address, whatever the account. */
  accessRequestRefusalsByClient: { keyPrefix: "access-request:client", points: 30, duration: 60 * 60 },
  /** Approval emails (requests and re-requests) one billing account sends to providers' offices in a day. */
  accessRequestEmailsByUser: { keyPrefix: "access-request-email:user", points: 50, duration: 24 * 60 * 60 },
  /** "Find my delegate" lookups from one client address, whatever the Tax ID (every lookup counts). */
  delegateLookupByClient: { keyPrefix: "delegate-lookup:client", points: 20, duration: 15 * 60 },
  /** Lookups of one Tax ID from one client address (key "<tax id>|<address>"). */
  delegateLookupByTaxIdAndClient: { keyPrefix: "delegate-lookup:taxid-client", points: 10, duration: 15 * 60 },
  /**
   * Lookups of one Tax ID from everywhere: a high ceiling in a short window, so that a stranger
   * (held by the two limits above) can't keep a Tax ID from being looked up by others for long.
   */
  delegateLookupByTaxId: { keyPrefix: "delegate-lookup:taxid", points: 60, duration: 5 * 60 },
  /** Contact us cases one signed-in account opens in an hour (visitors count per address: caseFormByClient). */
  caseFormByUser: { keyPrefix: "case:user", points: 10, duration: 60 * 60 },
} as const;

export type LimitName = keyof typeof LIMITS;

const limiters = new Map<LimitName, RateLimiterDrizzle>();

function limiter(name: LimitName): RateLimiterDrizzle {
  let instance = limiters.get(name);
  if (!instance) {
    instance = new RateLimiterDrizzle({ ...LIMITS[name], storeClient: db, schema: rateLimits, clearExpiredByTimeout: false });
    limiters.set(name, instance);
  }
  return instance;
}

export interface LimitState {
  blocked: boolean;
  failures: number;
  retryAfterSeconds: number;
}

export async function limitState(name: LimitName, key: string): Promise<LimitState> {
  const result = await limiter(name).get(key);
  const failures = result?.consumedPoints ?? 0;
  return {
    blocked: failures >= LIMITS[name].points,
    failures,
    retryAfterSeconds: result ? Math.max(1, Math.ceil(result.msBeforeNext / 1000)) : 0,
  };
}

/** The first of the given limits that is reached, if any (and which it is). */
export async function firstBlocked(checks: Array<[LimitName, string | null | undefined]>): Promise<(LimitState & { limit: LimitName }) | null> {
  for (const [name, key] of checks) {
    if (!key) continue;
    const state = await limitState(name, key);
    if (state.blocked) return { ...state, limit: name };
  }
  return null;
}

/** The key of a limit per (account or Tax ID, client address); a request without an address counts as one client. */
export function pairKey(subject: string, clientAddress: string | null | undefined): string {
  return `${subject}|${clientAddress || "unknown"}`;
}

export async function recordFailure(checks: Array<[LimitName, string | null | undefined]>): Promise<void> {
  await Promise.all(
    checks
      .filter((check): check is [LimitName, string] => Boolean(check[1]))
      .map(([name, key]) =>
        limiter(name)
          .consume(key)
          .catch((rejection: unknown) => {
            // consume() rejects with a RateLimiterRes once over the limit: that is expected here.
            if (rejection instanceof Error) throw rejection;
          }),
      ),
  );
}

export async function clearFailures(name: LimitName, key: string): Promise<void> {
  await limiter(name).delete(key);
}

export function describeWait(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  if (minutes > 90) return `${Math.ceil(minutes / 60)} hours`;
  return minutes <= 1 ? "a minute" : `${minutes} minutes`;
}

/**
 * Counts one use (not only a failure) and says whether the limit is now exceeded: one atomic
 * increment in the store, so parallel requests can't all slip under the limit.
 */
export async function consumeLimit(name: LimitName, key: string | null | undefined): Promise<LimitState> {
  if (!key) return { blocked: false, failures: 0, retryAfterSeconds: 0 };
  try {
    const result = await limiter(name).consume(key);
    return { blocked: false, failures: result.consumedPoints, retryAfterSeconds: 0 };
  } catch (rejection: unknown) {
    if (rejection instanceof Error) throw rejection;
    const result = rejection as { consumedPoints: number; msBeforeNext: number };
    return { blocked: true, failures: result.consumedPoints, retryAfterSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)) };
  }
}

export type Attempt = { blocked: LimitState & { limit: LimitName } } | { blocked: null; succeeded: () => Promise<void> };

/**
 * Takes an attempt at a guessable secret from every given limit *before* the secret is
 * checked, each in one atomic increment, so that parallel guesses can't all slip under a limit
 * that counts them only afterwards. A refused attempt gives its points back (it was never
 * evaluated), and so does one that succeeds (the limits count failures): call succeeded().
 */
export async function takeAttempt(checks: Array<[LimitName, string | null | undefined]>): Promise<Attempt> {
  const keyed = checks.filter((check): check is [LimitName, string] => Boolean(check[1]));
  const states = await Promise.all(keyed.map(([name, key]) => consumeLimit(name, key)));
  const giveBack = () => Promise.all(keyed.map(([name, key]) => limiter(name).reward(key, 1))).then(() => undefined);
  const exceededAt = states.findIndex((state) => state.blocked);
  if (exceededAt >= 0) {
    await giveBack();
    return { blocked: { ...states[exceededAt]!, limit: keyed[exceededAt]![0] } };
  }
  return { blocked: null, succeeded: giveBack };
}
