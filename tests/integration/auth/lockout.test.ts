import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { knownDevices, sessions } from "@/db/schema";
import { authenticate, NEW_DEVICE_NOTICE, type AuthenticateResult } from "@/lib/auth/authenticate";
import { deviceIdForSignIn, deviceTokenFor, hashDeviceId, mintDeviceToken } from "@/lib/auth/devices";
import { currentSignInPause, signInPauseMessage } from "@/lib/auth/signin-limits";
import { registerAccount } from "@/tests/factories/accounts";
import { lakesideByVendor, riverbendByNpi } from "@/tests/factories/check-registration";
import { demoDelegate, seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext, randomClientAddress } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { auditEventsFor } from "@/tests/support/queries";

beforeAll(() => seedDemo());

const from = (clientAddress: string) => buildRequestContext({ clientAddress });

function expectPaused(result: AuthenticateResult, scope: "client" | "account") {
  expect(result).toMatchObject({ ok: false, code: "rate_limited", scope });
}

/** Wrong guesses for one email, each from an address of its own (a botnet), a few at a time. */
async function distributedGuesses(email: string, count: number): Promise<AuthenticateResult[]> {
  const results: AuthenticateResult[] = [];
  for (let start = 0; start < count; start += 10) {
    const batch = Array.from({ length: Math.min(10, count - start) }, (_, index) => authenticate(email, `botnet guess ${start + index}`, from(randomClientAddress())));
    results.push(...(await Promise.all(batch)));
  }
  return results;
}

describe("sign-in limits per (account, client), per client, and a per-account ceiling", () => {
  it("a stranger's 20 wrong guesses from one address don't stop the owner signing in from another", async () => {
    const pat = await demoDelegate();
    const stranger = randomClientAddress();
    const results = [];
    for (let guess = 0; guess < 20; guess += 1) results.push(await authenticate(pat.email, `stranger guess ${guess}`, from(stranger)));
    expect(results.filter((result) => !result.ok && result.code === "invalid")).toHaveLength(5);
    for (const result of results.slice(5)) expectPaused(result, "client");

    // Even the right password is paused from the stranger's address...
    expectPaused(await authenticate(pat.email, pat.password, from(stranger)), "client");
    // ...but the owner, from their own address, signs in at once.
    expect(await authenticate(pat.email, pat.password, from(randomClientAddress()))).toMatchObject({ ok: true, userId: pat.id });
  });

  it("pauses one client address after 30 failures across any accounts, and says it is this device or network", async () => {
    const pat = await demoDelegate();
    const client = randomClientAddress();
    for (let guess = 0; guess < 30; guess += 1) {
      expect(await authenticate(`nobody-${guess}@example.org`, "a wrong password", from(client)), `guess ${guess + 1}`).toEqual({ ok: false, code: "invalid" });
    }
    const context = from(client);
    const result = await authenticate(pat.email, pat.password, context);
    expectPaused(result, "client");
    expect(await auditEventsFor(context.requestId, "signin")).toMatchObject([{ outcome: "rate_limited", reason: "signinByClient" }]);

    const message = signInPauseMessage(await currentSignInPause(pat.email, client, null));
    expect(message).toMatch(/from this device or network/);
    expect(message).toMatch(/paused for (59|60) minutes/);
    expect(message).not.toMatch(/account|organization|locked/i);

    // Other addresses go on.
    expect(await authenticate(pat.email, pat.password, from(randomClientAddress()))).toMatchObject({ ok: true });
  });

  describe("the per-account ceiling (100 failures a day from everywhere) and the device cookie", () => {
    let account: { userId: string; email: string; password: string };
    let ownDevice: string;

    beforeAll(async () => {
      account = await registerAccount(lakesideByVendor());
      // The owner signed in on their own computer before the attack: the browser got a device cookie.
      ownDevice = mintDeviceToken().deviceId;
      expect(await authenticate(account.email, account.password, from(randomClientAddress()), ownDevice)).toMatchObject({ ok: true });

      const guesses = await distributedGuesses(account.email, 100);
      expect(guesses.every((result) => !result.ok && result.code === "invalid")).toBe(true);
    }, 120_000);

    it("stops guesses spread over many addresses, even the right password from a device new to the account", async () => {
      expectPaused(await authenticate(account.email, "botnet guess 101", from(randomClientAddress())), "account");
      const fresh = mintDeviceToken().deviceId;
      const client = randomClientAddress();
      const result = await authenticate(account.email, account.password, from(client), fresh);
      expectPaused(result, "account");
      if (result.ok || result.code !== "rate_limited") throw new Error("expected rate_limited");
      expect(result.retryAfterSeconds).toBeGreaterThan(23 * 60 * 60);

      const message = signInPauseMessage(await currentSignInPause(account.email, client, fresh));
      expect(message).toMatch(/signing in with it from a new device is paused for 24 hours/);
      expect(message).toMatch(/You can still sign in on a computer you have signed in on before/);
    });

    it("lets the owner's known device through the ceiling (from any address), with the right password only", async () => {
      // The cookie as the browser sends it, among others.
      const deviceId = deviceIdForSignIn(undefined, new Headers({ cookie: `other=1; portal_device=${deviceTokenFor(ownDevice)}; theme=dark` }));
      expect(deviceId).toBe(ownDevice);

      expect(await authenticate(account.email, "still a wrong password", from(randomClientAddress()), deviceId)).toEqual({ ok: false, code: "invalid" });
      expect(await authenticate(account.email, account.password, from(randomClientAddress()), deviceId)).toMatchObject({ ok: true, userId: account.userId, newDevice: false });
    });

    it("doesn't let a forged or tampered cookie through, nor a device known only to another account", async () => {
      const { token } = mintDeviceToken();
      const [version, , signature] = token.split(".");
      const forged = `${version}.${ownDevice}.${signature}`; // the owner's id (say, guessed) under another id's signature
      const ownSignature = deviceTokenFor(ownDevice).split(".")[2];
      const tampered = `v1.${ownDevice.slice(0, -1)}${ownDevice.endsWith("A") ? "B" : "A"}.${ownSignature}`; // one character of the id changed
      for (const cookieValue of [forged, tampered, `v1.${ownDevice}`, `v1.${ownDevice}.`, ownDevice]) {
        const deviceId = deviceIdForSignIn(cookieValue, new Headers());
        expect(deviceId, cookieValue).toBeNull();
        expectPaused(await authenticate(account.email, account.password, from(randomClientAddress()), deviceId), "account");
      }

      const pat = await demoDelegate();
      const patsDevice = mintDeviceToken().deviceId;
      expect(await authenticate(pat.email, pat.password, from(randomClientAddress()), patsDevice)).toMatchObject({ ok: true });
      expectPaused(await authenticate(account.email, account.password, from(randomClientAddress()), patsDevice), "account");
    });
  });
});

describe("new-device sign-in email", () => {
  it("doesn't email the first sign-in, emails once per new device, never for a known one, and records the device on the session", async () => {
    const account = await registerAccount(riverbendByNpi());
    const notices = async () => (await emailsTo(account.email, "security-notice")).map((email) => email.text);
    const laptop = mintDeviceToken().deviceId;
    const phone = mintDeviceToken().deviceId;

    const first = await authenticate(account.email, account.password, buildRequestContext({ userAgent: "Mozilla/5.0 (Windows NT 10.0) Chrome/140.0" }), laptop);
    expect(first).toMatchObject({ ok: true, newDevice: true });
    expect(await notices()).toEqual([]); // the account's first sign-in: nothing to compare with

    expect(await authenticate(account.email, account.password, buildRequestContext(), laptop)).toMatchObject({ ok: true, newDevice: false });
    expect(await notices()).toEqual([]);

    const phoneContext = buildRequestContext({ userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1" });
    const fromPhone = await authenticate(account.email, account.password, phoneContext, phone);
    expect(fromPhone).toMatchObject({ ok: true, newDevice: true });
    const sent = await notices();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(NEW_DEVICE_NOTICE);
    expect(sent[0]).toContain("Safari on iOS");
    // A subject of its own, so it stands out from other security notices in the inbox.
    expect((await emailsTo(account.email, "security-notice")).map((email) => email.subject)).toEqual(["New sign-in to your HealthPartners Provider Portal account"]);
    expect(sent[0]).toContain(phoneContext.clientAddress);

    // The phone is known from now on; so is the laptop.
    expect(await authenticate(account.email, account.password, buildRequestContext(), phone)).toMatchObject({ ok: true, newDevice: false });
    expect(await authenticate(account.email, account.password, buildRequestContext(), laptop)).toMatchObject({ ok: true, newDevice: false });
    expect(await notices()).toHaveLength(1);

    // No cookie at all (or one this account never used) is a new device each time.
    expect(await authenticate(account.email, account.password, buildRequestContext())).toMatchObject({ ok: true, newDevice: true });
    expect(await notices()).toHaveLength(2);

    if (!fromPhone.ok) throw new Error("expected a session");
    const [session] = await db.select({ deviceHash: sessions.deviceHash }).from(sessions).where(eq(sessions.id, fromPhone.sessionId));
    expect(session!.deviceHash).toBe(hashDeviceId(phone));
    expect(session!.deviceHash).not.toContain(phone);
    const devices = await db.select().from(knownDevices).where(eq(knownDevices.userId, account.userId));
    expect(devices.map((device) => device.deviceHash).sort()).toEqual([hashDeviceId(laptop), hashDeviceId(phone)].sort());
    const [phoneRow] = await db.select().from(knownDevices).where(and(eq(knownDevices.userId, account.userId), eq(knownDevices.deviceHash, hashDeviceId(phone))));
    // Seen again since: the last sign-in's browser and time are kept.
    expect(phoneRow!.lastSeenAt.getTime()).toBeGreaterThan(phoneRow!.firstSeenAt.getTime());
    expect(phoneRow!.userAgent).toBe("vitest (integration tests)");
  });

  it("a wrong password from a new device sends nothing and remembers nothing", async () => {
    const pat = await demoDelegate();
    const before = (await emailsTo(pat.email, "security-notice")).length;
    const stranger = mintDeviceToken().deviceId;
    expect(await authenticate(pat.email, "not pat's password", buildRequestContext(), stranger)).toEqual({ ok: false, code: "invalid" });
    expect(await emailsTo(pat.email, "security-notice")).toHaveLength(before);
    expect(await db.select().from(knownDevices).where(eq(knownDevices.deviceHash, hashDeviceId(stranger)))).toEqual([]);
  });
});

describe("passwords are NFKC-normalized before hashing and verifying", () => {
  it("signs in with the same text typed differently: a ligature or full-width digits", async () => {
    const account = await registerAccount(riverbendByNpi({ taxId: "41-3456790", checkNumber: "7001004", npi: "1600123453", password: "ﬁnch lantern quarry ２０２６" }));
    expect(await authenticate(account.email, "finch lantern quarry 2026", buildRequestContext())).toMatchObject({ ok: true });
    expect(await authenticate(account.email, "ﬁnch lantern quarry ２０２６", buildRequestContext())).toMatchObject({ ok: true });
    expect(await authenticate(account.email, "finch lantern quarry 2027", buildRequestContext())).toEqual({ ok: false, code: "invalid" });
  });
});

