import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { insertAccount, type AccountType } from "@/db/queries/accounts";
import { passkeys, sessions, totpAuthenticators, webauthnChallenges } from "@/db/schema";
import { beginPasskeySignIn, finishPasskeySignIn } from "@/lib/auth/passkeys/authentication";
import { removePasskey, renamePasskey } from "@/lib/auth/passkeys/manage";
import { beginPasskeyRegistration, finishPasskeyRegistration } from "@/lib/auth/passkeys/registration";
import { passkeyManagerMode, secondFactorRequired } from "@/lib/auth/passkeys/policy";
import { relyingParty } from "@/lib/auth/passkeys/relying-party";
import { resolveSession, startSession } from "@/lib/auth/sessions";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { auditEventsFor, countRows } from "@/tests/support/queries";
import { SoftwareAuthenticator } from "@/tests/support/software-authenticator";

const MINUTE = 60 * 1000;
const ORIGIN = "http://portal.test"; // APP_URL in vitest.config.ts

/** A confirmed account of its own for each test (rate limits count per account), and a session. */
async function person(accountType: AccountType = "provider") {
  const now = new Date();
  const email = `passkey.${randomUUID()}@example.test`;
  const account = await insertAccount(db, { email, firstName: "Sam", lastName: "Lee", phone: "6125550100", passwordHash: "not-used", accountType, emailVerifiedAt: now, now });
  if (!account) throw new Error("account insert failed");
  return { ...(await signedIn(account.id)), email };
}

async function signedIn(userId: string, mfaVerifiedAt: Date | null = null) {
  const sessionId = await startSession(db, userId, buildRequestContext());
  if (mfaVerifiedAt) await db.update(sessions).set({ mfaVerifiedAt, mfaMethod: "passkey" }).where(eq(sessions.id, sessionId));
  const session = await resolveSession(sessionId, null);
  if (!session) throw new Error("session did not resolve");
  return session;
}

async function addPasskey(owner: Awaited<ReturnType<typeof person>>, authenticator = new SoftwareAuthenticator(ORIGIN), name = "Office laptop", now = new Date()) {
  const options = await beginPasskeyRegistration(owner, { now });
  const result = await finishPasskeyRegistration(owner, { name, response: JSON.stringify(authenticator.register(options)) }, buildRequestContext(), { now });
  if (!result.ok) throw new Error(`adding a passkey failed: ${result.code}`);
  return { authenticator, passkeyId: result.passkeyId };
}

async function passkeyRow(id: string) {
  const [row] = await db.select().from(passkeys).where(eq(passkeys.id, id));
  return row ?? null;
}

describe("adding a passkey", () => {
  it("saves a verified passkey, audits it and emails the person; the relying party is APP_URL's host", async () => {
    const owner = await person();
    const authenticator = new SoftwareAuthenticator(ORIGIN);
    const options = await beginPasskeyRegistration(owner);
    expect(options.rp).toEqual({ id: "portal.test", name: "HealthPartners Provider Portal" });
    expect(relyingParty().origin).toBe(ORIGIN);
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "preferred", userVerification: "preferred" });
    const context = buildRequestContext();
    const result = await finishPasskeyRegistration(owner, { name: "Office laptop", response: JSON.stringify(authenticator.register(options)) }, context);
    expect(result).toMatchObject({ ok: true, completedSecondStep: false });
    const row = await passkeyRow(result.ok ? result.passkeyId : "");
    expect(row).toMatchObject({ userId: owner.userId, credentialId: authenticator.id, name: "Office laptop", counter: 0, transports: "internal" });
    expect(await auditEventsFor(context.requestId, "passkey.added")).toMatchObject([{ outcome: "success", actorUserId: owner.userId }]);
    const [notice] = await emailsTo(owner.email, "security-notice");
    expect(notice?.text).toContain("A passkey named “Office laptop” was added to your account.");
    expect(notice?.html).toContain("/account/security/passkeys");
  });

  it("excludes the account's passkeys from a new registration, and refuses a credential already registered", async () => {
    const owner = await person();
    const { authenticator } = await addPasskey(owner);
    const options = await beginPasskeyRegistration(owner);
    expect(options.excludeCredentials?.map((credential) => credential.id)).toEqual([authenticator.id]);
    const result = await finishPasskeyRegistration(owner, { name: "Again", response: JSON.stringify(authenticator.register(options)) }, buildRequestContext());
    expect(result).toEqual({ ok: false, code: "already_registered" });
    // Nor can another account register that same credential.
    const other = await person();
    const theirs = await finishPasskeyRegistration(other, { name: "Mine", response: JSON.stringify(authenticator.register(await beginPasskeyRegistration(other))) }, buildRequestContext());
    expect(theirs).toEqual({ ok: false, code: "already_registered" });
    expect(await countRows(passkeys, eq(passkeys.credentialId, authenticator.id))).toBe(1);
  });

  it("uses a challenge once: the same answer sent again is refused", async () => {
    const owner = await person();
    const options = await beginPasskeyRegistration(owner);
    const answer = JSON.stringify(new SoftwareAuthenticator(ORIGIN).register(options));
    expect((await finishPasskeyRegistration(owner, { name: "One", response: answer }, null)).ok).toBe(true);
    await db.delete(passkeys).where(eq(passkeys.userId, owner.userId));
    expect(await finishPasskeyRegistration(owner, { name: "Two", response: answer }, null)).toEqual({ ok: false, code: "expired" });
    expect(await countRows(passkeys, eq(passkeys.userId, owner.userId))).toBe(0);
  });

  it("accepts a challenge for 5 minutes only", async () => {
    const owner = await person();
    const start = new Date();
    const late = await beginPasskeyRegistration(owner, { now: start });
    const answer = JSON.stringify(new SoftwareAuthenticator(ORIGIN).register(late));
    expect(await finishPasskeyRegistration(owner, { name: "Late", response: answer }, null, { now: new Date(start.getTime() + 5 * MINUTE) })).toEqual({ ok: false, code: "expired" });
    const onTime = await beginPasskeyRegistration(owner, { now: start });
    const result = await finishPasskeyRegistration(owner, { name: "On time", response: JSON.stringify(new SoftwareAuthenticator(ORIGIN).register(onTime)) }, null, { now: new Date(start.getTime() + 5 * MINUTE - 1000) });
    expect(result.ok).toBe(true);
  });

  it("forgets a session's expired challenges when it starts another ceremony", async () => {
    const owner = await person();
    const start = new Date();
    const first = await beginPasskeyRegistration(owner, { now: start });
    const kept = await beginPasskeyRegistration(owner, { now: new Date(start.getTime() + 4 * MINUTE) });
    await beginPasskeyRegistration(owner, { now: new Date(start.getTime() + 6 * MINUTE) });
    const challenges = (await db.select({ challenge: webauthnChallenges.challenge }).from(webauthnChallenges).where(eq(webauthnChallenges.sessionId, owner.sessionId))).map((row) => row.challenge);
    expect(challenges).not.toContain(first.challenge);
    expect(challenges).toContain(kept.challenge);
    expect(challenges).toHaveLength(2);
  });

  it("accepts a challenge only from the session it was issued to", async () => {
    const owner = await person();
    const options = await beginPasskeyRegistration(owner);
    const otherSession = await signedIn(owner.userId);
    const answer = JSON.stringify(new SoftwareAuthenticator(ORIGIN).register(options));
    expect(await finishPasskeyRegistration(otherSession, { name: "Elsewhere", response: answer }, null)).toEqual({ ok: false, code: "expired" });
  });

  it("refuses an answer made for another origin or another RP ID, and audits it", async () => {
    const owner = await person();
    const context = buildRequestContext();
    const wrongOrigin = new SoftwareAuthenticator("http://portal.test.evil.example").register(await beginPasskeyRegistration(owner));
    expect(await finishPasskeyRegistration(owner, { name: "Phished", response: JSON.stringify(wrongOrigin) }, context)).toEqual({ ok: false, code: "not_verified" });
    const wrongRp = new SoftwareAuthenticator(ORIGIN).register(await beginPasskeyRegistration(owner), { rpId: "evil.example" });
    expect(await finishPasskeyRegistration(owner, { name: "Other site", response: JSON.stringify(wrongRp) }, context)).toEqual({ ok: false, code: "not_verified" });
    expect(await countRows(passkeys, eq(passkeys.userId, owner.userId))).toBe(0);
    expect(await auditEventsFor(context.requestId, "passkey.added")).toMatchObject([{ outcome: "failure" }, { outcome: "failure" }]);
  });

  it("refuses what isn't a registration answer", async () => {
    const owner = await person();
    await beginPasskeyRegistration(owner);
    for (const response of ["", "{}", "not json", JSON.stringify({ id: "x", rawId: "x", type: "public-key", response: { clientDataJSON: "!!" } })]) {
      expect(await finishPasskeyRegistration(owner, { name: "Bad", response }, null)).toEqual({ ok: false, code: "not_verified" });
    }
  });

  it("completes the second step when it is the first factor of an account that must have one", async () => {
    const staff = await person("staff");
    expect(secondFactorRequired("staff")).toBe(true);
    expect(passkeyManagerMode(staff, { passkeys: 0, authenticatorApp: false })).toBe("first-factor");
    const options = await beginPasskeyRegistration(staff);
    const result = await finishPasskeyRegistration(staff, { name: "Desk", response: JSON.stringify(new SoftwareAuthenticator(ORIGIN).register(options)) }, buildRequestContext(), { now: new Date() });
    // Without firstFactor (the page decides it), nothing is completed...
    expect(result).toMatchObject({ ok: true, completedSecondStep: false });
    // ...with it, and no factor before, the session passes its second step.
    const other = await person("staff");
    const first = await finishPasskeyRegistration(other, { name: "Desk", response: JSON.stringify(new SoftwareAuthenticator(ORIGIN).register(await beginPasskeyRegistration(other))), firstFactor: true }, null);
    expect(first).toMatchObject({ ok: true, completedSecondStep: true });
    expect(await resolveSession(other.sessionId, null)).toMatchObject({ mfaMethod: "passkey" });
    // A second passkey is not a first factor.
    const second = await finishPasskeyRegistration(other, { name: "Laptop", response: JSON.stringify(new SoftwareAuthenticator(ORIGIN).register(await beginPasskeyRegistration(other))), firstFactor: true }, null);
    expect(second).toMatchObject({ ok: true, completedSecondStep: false });
  });
});

describe("the second step of sign-in with a passkey", () => {
  it("passes the second step, moves the counter forward and records the last use", async () => {
    const owner = await person();
    const { authenticator, passkeyId } = await addPasskey(owner);
    const session = await signedIn(owner.userId);
    const options = await beginPasskeySignIn(session);
    expect(options?.allowCredentials?.map((credential) => credential.id)).toEqual([authenticator.id]);
    expect(options?.rpId).toBe("portal.test");
    const now = new Date();
    const context = buildRequestContext();
    expect(await finishPasskeySignIn(session, JSON.stringify(authenticator.authenticate(options!)), context, { now })).toEqual({ ok: true, passkeyId });
    expect(await passkeyRow(passkeyId)).toMatchObject({ counter: 1, lastUsedAt: now });
    expect(await resolveSession(session.sessionId, null)).toMatchObject({ mfaMethod: "passkey", mfaVerifiedAt: now });
    expect(await auditEventsFor(context.requestId, "signin.second_step")).toMatchObject([{ outcome: "success", details: { method: "passkey" } }]);
  });

  it("has nothing to offer an account without passkeys", async () => {
    expect(await beginPasskeySignIn(await person())).toBeNull();
  });

  it("uses a challenge once and for 5 minutes", async () => {
    const owner = await person();
    const { authenticator } = await addPasskey(owner);
    const start = new Date();
    const options = (await beginPasskeySignIn(owner, { now: start }))!;
    const answer = JSON.stringify(authenticator.authenticate(options));
    expect(await finishPasskeySignIn(owner, answer, null, { now: new Date(start.getTime() + 5 * MINUTE + 1) })).toMatchObject({ ok: false, code: "expired" });
    const fresh = (await beginPasskeySignIn(owner, { now: start }))!;
    const once = JSON.stringify(authenticator.authenticate(fresh));
    expect((await finishPasskeySignIn(owner, once, null, { now: new Date(start.getTime() + 4 * MINUTE) })).ok).toBe(true);
    expect(await finishPasskeySignIn(owner, once, null, { now: new Date(start.getTime() + 4 * MINUTE) })).toMatchObject({ ok: false, code: "expired" });
    const used = await db.select({ usedAt: webauthnChallenges.usedAt }).from(webauthnChallenges).where(eq(webauthnChallenges.challenge, fresh.challenge));
    expect(used[0]?.usedAt).not.toBeNull();
  });

  it("refuses a counter that goes backwards or stands still (a cloned authenticator)", async () => {
    const owner = await person();
    const { authenticator, passkeyId } = await addPasskey(owner);
    expect((await finishPasskeySignIn(owner, JSON.stringify(authenticator.authenticate((await beginPasskeySignIn(owner))!, { counter: 7 })), null)).ok).toBe(true);
    const context = buildRequestContext();
    expect(await finishPasskeySignIn(owner, JSON.stringify(authenticator.authenticate((await beginPasskeySignIn(owner))!, { counter: 3 })), context)).toMatchObject({ ok: false, code: "counter" });
    expect(await finishPasskeySignIn(owner, JSON.stringify(authenticator.authenticate((await beginPasskeySignIn(owner))!, { counter: 7 })), null)).toMatchObject({ ok: false, code: "counter" });
    expect((await passkeyRow(passkeyId))?.counter).toBe(7);
    expect(await auditEventsFor(context.requestId, "signin.second_step")).toMatchObject([{ outcome: "failure", reason: "counter_did_not_increase" }]);
    expect((await finishPasskeySignIn(owner, JSON.stringify(authenticator.authenticate((await beginPasskeySignIn(owner))!, { counter: 8 })), null)).ok).toBe(true);
  });

  it("accepts an authenticator that always reports 0 (synced passkeys)", async () => {
    const owner = await person();
    const { authenticator } = await addPasskey(owner);
    for (let use = 0; use < 2; use += 1) {
      expect((await finishPasskeySignIn(owner, JSON.stringify(authenticator.authenticate((await beginPasskeySignIn(owner))!, { counter: 0 })), null)).ok).toBe(true);
    }
  });

  it("refuses another account's passkey, even one that signs the challenge correctly", async () => {
    const owner = await person();
    await addPasskey(owner);
    const stranger = await person();
    const { authenticator: theirs } = await addPasskey(stranger);
    const session = await signedIn(owner.userId);
    const context = buildRequestContext();
    const result = await finishPasskeySignIn(session, JSON.stringify(theirs.authenticate((await beginPasskeySignIn(session))!)), context);
    expect(result).toMatchObject({ ok: false, code: "not_registered" });
    expect(await resolveSession(session.sessionId, null)).toMatchObject({ mfaVerifiedAt: null });
    expect(await auditEventsFor(context.requestId, "signin.second_step")).toMatchObject([{ outcome: "failure", reason: "credential_of_another_account" }]);
  });

  it("refuses an answer made for another origin or RP ID", async () => {
    const owner = await person();
    const { authenticator } = await addPasskey(owner);
    expect(await finishPasskeySignIn(owner, JSON.stringify(authenticator.authenticate((await beginPasskeySignIn(owner))!, { origin: "http://evil.example" })), null)).toMatchObject({ ok: false, code: "not_verified" });
    expect(await finishPasskeySignIn(owner, JSON.stringify(authenticator.authenticate((await beginPasskeySignIn(owner))!, { rpId: "evil.example" })), null)).toMatchObject({ ok: false, code: "not_verified" });
    expect(await resolveSession(owner.sessionId, null)).toMatchObject({ mfaVerifiedAt: null });
  });

  it("counts attempts like passwords: after 5 failures even a right answer is refused", async () => {
    const owner = await person();
    const { authenticator } = await addPasskey(owner);
    for (let failure = 0; failure < 5; failure += 1) {
      expect(await finishPasskeySignIn(owner, "{}", null)).toMatchObject({ ok: false, code: "not_verified" });
    }
    const context = buildRequestContext();
    const blocked = await finishPasskeySignIn(owner, JSON.stringify(authenticator.authenticate((await beginPasskeySignIn(owner))!)), context);
    expect(blocked).toMatchObject({ ok: false, code: "rate_limited" });
    expect(blocked.ok ? 0 : blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(await auditEventsFor(context.requestId, "signin.second_step")).toMatchObject([{ outcome: "rate_limited" }]);
  });
});

describe("renaming and removing passkeys", () => {
  it("renames only the person's own passkey", async () => {
    const owner = await person();
    const { passkeyId } = await addPasskey(owner);
    const context = buildRequestContext();
    expect(await renamePasskey(owner, passkeyId, "Front desk PC", context)).toEqual({ ok: true, changed: true });
    expect((await passkeyRow(passkeyId))?.name).toBe("Front desk PC");
    expect(await auditEventsFor(context.requestId, "passkey.renamed")).toHaveLength(1);
    const stranger = await person();
    expect(await renamePasskey(stranger, passkeyId, "Mine now", null)).toEqual({ ok: false, code: "not_found" });
    expect((await passkeyRow(passkeyId))?.name).toBe("Front desk PC");
  });

  it("needs a second step passed in the last 10 minutes", async () => {
    const owner = await person();
    const { passkeyId } = await addPasskey(owner);
    const now = new Date();
    const stale = await signedIn(owner.userId, new Date(now.getTime() - 11 * MINUTE));
    expect(await removePasskey(stale, passkeyId, null, now)).toEqual({ ok: false, code: "not_fresh" });
    const never = await signedIn(owner.userId);
    expect(await removePasskey(never, passkeyId, null, now)).toEqual({ ok: false, code: "not_fresh" });
    expect(await passkeyRow(passkeyId)).not.toBeNull();
  });

  it("removes a passkey with a fresh second factor, audits it and emails the person", async () => {
    const owner = await person();
    const { passkeyId } = await addPasskey(owner, undefined, "Old laptop");
    const now = new Date();
    const fresh = await signedIn(owner.userId, new Date(now.getTime() - 9 * MINUTE));
    const context = buildRequestContext();
    // Not required for this provider (MFA_REQUIRED is off in tests): even the last factor may go.
    expect(secondFactorRequired("provider")).toBe(false);
    expect(await removePasskey(fresh, passkeyId, context, now)).toEqual({ ok: true, name: "Old laptop" });
    expect(await passkeyRow(passkeyId)).toBeNull();
    expect(await auditEventsFor(context.requestId, "passkey.removed")).toMatchObject([{ outcome: "success" }]);
    const notices = await emailsTo(owner.email, "security-notice");
    expect(notices.at(-1)?.text).toContain("The passkey named “Old laptop” was removed from your account.");
    // Someone else's passkey is not found, whoever asks.
    const { passkeyId: theirs } = await addPasskey(await person());
    expect(await removePasskey(fresh, theirs, null, now)).toEqual({ ok: false, code: "not_found" });
  });

  it("refuses to remove the last factor of an account that must have one", async () => {
    const staff = await person("staff");
    const { passkeyId } = await addPasskey(staff);
    const now = new Date();
    const fresh = await signedIn(staff.userId, now);
    const context = buildRequestContext();
    expect(await removePasskey(fresh, passkeyId, context, now)).toEqual({ ok: false, code: "last_factor" });
    expect(await passkeyRow(passkeyId)).not.toBeNull();
    expect(await auditEventsFor(context.requestId, "passkey.removed")).toMatchObject([{ outcome: "denied", reason: "last_factor" }]);
    expect((await emailsTo(staff.email, "security-notice")).filter((email) => email.text.includes("removed"))).toHaveLength(0);

    // With a second passkey, or a confirmed authenticator app, one may go.
    const { passkeyId: second } = await addPasskey(staff, undefined, "Spare");
    expect((await removePasskey(fresh, passkeyId, null, now)).ok).toBe(true);
    expect(await removePasskey(fresh, second, null, now)).toEqual({ ok: false, code: "last_factor" });
    await db.insert(totpAuthenticators).values({ userId: staff.userId, secretSealed: "sealed", confirmedAt: null });
    expect(await removePasskey(fresh, second, null, now)).toEqual({ ok: false, code: "last_factor" });
    await db.update(totpAuthenticators).set({ confirmedAt: now }).where(eq(totpAuthenticators.userId, staff.userId));
    expect((await removePasskey(fresh, second, null, now)).ok).toBe(true);
  });

  it("never removes both of the last two factors when asked at once", async () => {
    const staff = await person("staff");
    const one = await addPasskey(staff, undefined, "One");
    const two = await addPasskey(staff, undefined, "Two");
    const now = new Date();
    const fresh = await signedIn(staff.userId, now);
    const results = await Promise.all([removePasskey(fresh, one.passkeyId, null, now), removePasskey(fresh, two.passkeyId, null, now)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await countRows(passkeys, eq(passkeys.userId, staff.userId))).toBe(1);
  });
});

describe("which passkeys page a session gets", () => {
  it("tells a signed-in session, a first factor to set up, and a second step owed apart", () => {
    const verified = { accountType: "provider" as const, mfaVerifiedAt: new Date() };
    const pending = { accountType: "staff" as const, mfaVerifiedAt: null };
    expect(passkeyManagerMode(verified, { passkeys: 1, authenticatorApp: false })).toBe("signed-in");
    expect(passkeyManagerMode(pending, { passkeys: 0, authenticatorApp: false })).toBe("first-factor");
    expect(passkeyManagerMode(pending, { passkeys: 0, authenticatorApp: true })).toBe("second-step-owed");
    expect(passkeyManagerMode({ accountType: "provider", mfaVerifiedAt: null }, { passkeys: 0, authenticatorApp: false })).toBe("signed-in");
    expect(passkeyManagerMode({ accountType: "provider", mfaVerifiedAt: null }, { passkeys: 2, authenticatorApp: false })).toBe("second-step-owed");
  });
});
