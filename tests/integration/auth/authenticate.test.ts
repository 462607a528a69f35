import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { sessions } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import { confirmEmail } from "@/lib/auth/email-verification";
import { limitState, pairKey } from "@/lib/rate-limit";
import { registerWithCheck } from "@/lib/registration/register-with-check";
import { registerAccount } from "@/tests/factories/accounts";
import { lakesideByVendor, riverbendByNpi } from "@/tests/factories/check-registration";
import { demoAccounts, demoDelegate, seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo, latestVerificationToken } from "@/tests/support/outbox";
import { auditEventsFor } from "@/tests/support/queries";

beforeAll(() => seedDemo());

describe("authenticate", () => {
  it("signs in the seeded delegate Pat Morgan and starts a session", async () => {
    const pat = await demoDelegate();
    const context = buildRequestContext({ clientAddress: "203.0.113.5", userAgent: "Pat's browser" });
    const result = await authenticate("Pat.Morgan@Northside.Example", demoAccounts.delegate.password, context);
    expect(result).toMatchObject({ ok: true, userId: pat.id });
    if (!result.ok) throw new Error("expected a session");

    const [session] = await db.select().from(sessions).where(eq(sessions.id, result.sessionId));
    expect(session).toMatchObject({ userId: pat.id, endedAt: null, clientAddress: "203.0.113.5", userAgent: "Pat's browser" });
    expect(session!.expiresAt.getTime() - session!.createdAt.getTime()).toBe(12 * 60 * 60 * 1000);
    const [event] = await auditEventsFor(context.requestId, "signin");
    expect(event).toMatchObject({ outcome: "success", actorUserId: pat.id, details: { sessionId: result.sessionId } });
  });

  it("holds back an unconfirmed account (sending a new link) until its email is confirmed", async () => {
    const registration = lakesideByVendor();
    expect(await registerWithCheck(registration, buildRequestContext())).toEqual({ ok: true });
    expect(await emailsTo(registration.email, "verify-email")).toHaveLength(1);

    const context = buildRequestContext();
    expect(await authenticate(registration.email, registration.password, context)).toEqual({ ok: false, code: "unverified" });
    expect(await emailsTo(registration.email, "verify-email")).toHaveLength(2);
    expect(await db.select().from(sessions).where(eq(sessions.clientAddress, context.clientAddress!))).toEqual([]);
    const events = await auditEventsFor(context.requestId);
    expect(events.map((event) => [event.action, event.outcome, event.reason])).toEqual([
      ["email.verification_resent", "success", null],
      ["signin", "denied", "email_not_confirmed"],
    ]);

    // The newest link works (the first one would too).
    expect(await confirmEmail(await latestVerificationToken(registration.email), buildRequestContext())).toMatchObject({ ok: true });
    const result = await authenticate(registration.email, registration.password, buildRequestContext());
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) throw new Error("expected a session");
    const rows = await db.select().from(sessions).where(eq(sessions.id, result.sessionId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.userId).toBe(result.userId);
  });

  it("gives the same answer for a wrong password and an unknown email, and audits both", async () => {
    const wrongPassword = buildRequestContext();
    expect(await authenticate(demoAccounts.delegate.email, "northside-demo-pass!", wrongPassword)).toEqual({ ok: false, code: "invalid" });
    const unknown = buildRequestContext();
    expect(await authenticate("nobody@northside.example", demoAccounts.delegate.password, unknown)).toEqual({ ok: false, code: "invalid" });
    const malformed = buildRequestContext();
    expect(await authenticate("not an email", "whatever password", malformed)).toEqual({ ok: false, code: "invalid" });

    const pat = await demoDelegate();
    expect(await auditEventsFor(wrongPassword.requestId, "signin")).toMatchObject([
      { outcome: "failure", reason: "wrong_password", actorLabel: pat.email, subjectUserId: pat.id },
    ]);
    expect(await auditEventsFor(unknown.requestId, "signin")).toMatchObject([
      { outcome: "failure", reason: "unknown_email", actorLabel: "nobody@northside.example", subjectUserId: null },
    ]);
    expect(await auditEventsFor(malformed.requestId, "signin")).toMatchObject([{ outcome: "failure", reason: "unknown_email" }]);
    for (const context of [wrongPassword, unknown]) {
      expect(JSON.stringify(await auditEventsFor(context.requestId))).not.toContain("northside-demo-pass");
    }

    // A later right password from the same address clears that address's earlier failure; the
    // per-account ceiling keeps counting (a stranger elsewhere must not be reset by the owner).
    const pair = pairKey(pat.email, wrongPassword.clientAddress);
    expect((await limitState("signinByAccountAndClient", pair)).failures).toBe(1);
    expect((await limitState("signinByAccount", pat.email)).failures).toBe(1);
    expect(await authenticate(pat.email, pat.password, buildRequestContext({ clientAddress: wrongPassword.clientAddress }))).toMatchObject({ ok: true });
    expect((await limitState("signinByAccountAndClient", pair)).failures).toBe(0);
    expect((await limitState("signinByAccount", pat.email)).failures).toBe(1);
  });

  it("after 5 failures for one email from one address, pauses that email from that address even for the right password", async () => {
    const account = await registerAccount(riverbendByNpi());
    const clientAddress = "198.51.100.61";
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(await authenticate(account.email, `wrong password ${attempt}`, buildRequestContext({ clientAddress })), `attempt ${attempt}`).toEqual({ ok: false, code: "invalid" });
    }

    const context = buildRequestContext({ clientAddress });
    const result = await authenticate(account.email, account.password, context);
    expect(result).toMatchObject({ ok: false, code: "rate_limited", scope: "client" });
    if (result.ok || result.code !== "rate_limited") throw new Error("expected rate_limited");
    expect(result.retryAfterSeconds).toBeGreaterThan(0);
    expect(result.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(await auditEventsFor(context.requestId, "signin")).toMatchObject([{ outcome: "rate_limited", actorLabel: account.email, reason: "signinByAccountAndClient" }]);
    expect(await db.select().from(sessions).where(eq(sessions.userId, account.userId))).toEqual([]);

    // Another account from that address is not affected, and neither is this one from another address.
    expect(await authenticate(demoAccounts.delegate.email, demoAccounts.delegate.password, buildRequestContext({ clientAddress }))).toMatchObject({ ok: true });
    expect(await authenticate(account.email, account.password, buildRequestContext())).toMatchObject({ ok: true });
  });

  it("counts parallel wrong passwords before checking them: of 30 at once for one account from one address, 5 are evaluated, and then the right one is paused too", async () => {
    const account = await registerAccount(riverbendByNpi({ taxId: "41-3456790", checkNumber: "7001004", npi: "1600123453" }));
    const clientAddress = "198.51.100.62";
    const results = await Promise.all(Array.from({ length: 30 }, (_, guess) => authenticate(account.email, `wrong guess number ${guess}`, buildRequestContext({ clientAddress }))));
    expect(results.filter((result) => !result.ok && result.code === "invalid")).toHaveLength(5);
    expect(results.filter((result) => !result.ok && result.code === "rate_limited")).toHaveLength(25);
    expect(await authenticate(account.email, account.password, buildRequestContext({ clientAddress }))).toMatchObject({ ok: false, code: "rate_limited" });
  });
});
