import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { passwordResetTokens, users } from "@/db/schema";
import { requestPasswordReset, resetLinkState, resetPassword } from "@/lib/account/password-reset";
import { hashToken } from "@/lib/account/tokens";
import { authenticate } from "@/lib/auth/authenticate";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { auditEventsFor } from "@/tests/support/queries";
import { createPerson, linkToken, sessionEnd, signedIn } from "./helpers";

const MINUTE = 60 * 1000;
const NEW_PASSWORD = "blue heron over the lake";

async function requestLink(email: string, now = new Date()) {
  await requestPasswordReset(email, buildRequestContext(), now);
  const messages = await emailsTo(email, "password-reset");
  return linkToken(messages.at(-1)!.html, "/reset-password");
}

describe("requestPasswordReset", () => {
  it("answers a known and an unknown address alike, and emails a one-hour link only to the account", async () => {
    const person = await createPerson();
    const unknown = `nobody.${Date.now()}@lakeside.example`;
    const known = buildRequestContext();
    const stranger = buildRequestContext();
    const answers = [await requestPasswordReset(person.email, known), await requestPasswordReset(unknown, stranger)];
    expect(answers).toEqual([undefined, undefined]);

    const [email] = await emailsTo(person.email, "password-reset");
    expect(email?.subject).toBe("Reset your HealthPartners Provider Portal password");
    expect(email?.text).toContain("within 60 minutes");
    expect(await emailsTo(unknown)).toEqual([]);

    const token = linkToken(email!.html, "/reset-password");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.tokenHash, hashToken(token)));
    expect(stored).toMatchObject({ userId: person.userId, usedAt: null });
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(60 * MINUTE);
    expect(JSON.stringify(await db.select().from(passwordResetTokens))).not.toContain(token);

    expect(await auditEventsFor(known.requestId)).toMatchObject([{ action: "password.reset_requested", outcome: "success", subjectUserId: person.userId }]);
    expect(await auditEventsFor(stranger.requestId)).toMatchObject([{ action: "password.reset_requested", outcome: "denied", reason: "unknown_email", subjectUserId: null }]);
  });

  it("sends nothing to an unconfirmed account", async () => {
    const person = await createPerson({ confirmed: false });
    await requestPasswordReset(person.email, buildRequestContext());
    expect(await emailsTo(person.email, "password-reset")).toEqual([]);
  });

  it("sends at most 3 links an hour to one address; the 4th request looks the same and sends nothing", async () => {
    const person = await createPerson();
    for (let i = 0; i < 4; i += 1) expect(await requestPasswordReset(person.email, buildRequestContext())).toBeUndefined();
    expect(await emailsTo(person.email, "password-reset")).toHaveLength(3);
  });

  it("limits one client address to 20 requests an hour, whatever the addresses", async () => {
    const person = await createPerson();
    const clientAddress = "198.51.100.20";
    await Promise.all(Array.from({ length: 20 }, (_, i) => requestPasswordReset(`someone${i}@nowhere.example`, buildRequestContext({ clientAddress }))));
    const context = buildRequestContext({ clientAddress });
    await requestPasswordReset(person.email, context);
    expect(await emailsTo(person.email, "password-reset")).toEqual([]);
    expect(await auditEventsFor(context.requestId)).toMatchObject([{ outcome: "rate_limited", reason: "client_limit" }]);
  });
});

describe("resetPassword", () => {
  it("sets the new password, ends every session, voids older links, audits and emails the person", async () => {
    const person = await createPerson();
    const older = await requestLink(person.email);
    const token = await requestLink(person.email);
    const sessions = [await signedIn(person), await signedIn(person, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/605.1")];
    expect(await resetLinkState(token)).toBe("valid");

    const context = buildRequestContext();
    const now = new Date();
    expect(await resetPassword(token, NEW_PASSWORD, context, now)).toEqual({ ok: true });

    for (const id of sessions) expect(await sessionEnd(id)).toEqual({ endedAt: now, endReason: "password_reset" });
    const [user] = await db.select({ passwordChangedAt: users.passwordChangedAt }).from(users).where(eq(users.id, person.userId));
    expect(user?.passwordChangedAt.getTime()).toBe(now.getTime());
    expect((await auditEventsFor(context.requestId)).map((event) => [event.action, event.outcome, event.reason])).toEqual([
      ["session.ended", "success", "password_reset"],
      ["password.reset", "success", null],
    ]);
    const [notice] = await emailsTo(person.email, "security-notice");
    expect(notice?.text).toContain("Your password was reset.");

    // The old password no longer works; the new one does.
    expect(await authenticate(person.email, person.password, buildRequestContext())).toEqual({ ok: false, code: "invalid" });
    expect(await authenticate(person.email, NEW_PASSWORD, buildRequestContext())).toMatchObject({ ok: true });
    // The link is used up, and so is the older one.
    expect(await resetPassword(token, "another long password here", buildRequestContext())).toEqual({ ok: false, reason: "used" });
    expect(await resetLinkState(older)).toBe("used");
    expect(await resetPassword(older, "another long password here", buildRequestContext())).toEqual({ ok: false, reason: "used" });
  });

  it("refuses a guessable password or one made of the person's name, and leaves the link usable", async () => {
    const person = await createPerson();
    const token = await requestLink(person.email);
    for (const weak of ["Summer2026!!", "Password123!", "DanaLeeDanaLee1"]) {
      expect(await resetPassword(token, weak, buildRequestContext())).toMatchObject({ ok: false, reason: "weak_password", message: expect.stringContaining("too easy to guess") });
    }
    expect(await resetLinkState(token)).toBe("valid");
    expect(await authenticate(person.email, person.password, buildRequestContext())).toMatchObject({ ok: true });
    expect(await resetPassword(token, NEW_PASSWORD, buildRequestContext())).toEqual({ ok: true });
  });

  it("refuses a link an hour after it was sent (and accepts it a minute before)", async () => {
    const person = await createPerson();
    const sentAt = new Date();
    const token = await requestLink(person.email, sentAt);
    const late = new Date(sentAt.getTime() + 60 * MINUTE);
    expect(await resetLinkState(token, late)).toBe("expired");
    expect(await resetPassword(token, NEW_PASSWORD, buildRequestContext(), late)).toEqual({ ok: false, reason: "expired" });
    expect(await authenticate(person.email, person.password, buildRequestContext())).toMatchObject({ ok: true });
    expect(await resetPassword(token, NEW_PASSWORD, buildRequestContext(), new Date(sentAt.getTime() + 59 * MINUTE))).toEqual({ ok: true });
  });

  it("lets only one of two simultaneous uses of a link through", async () => {
    const person = await createPerson();
    const token = await requestLink(person.email);
    const results = await Promise.all([
      resetPassword(token, "first parallel password", buildRequestContext()),
      resetPassword(token, "second parallel password", buildRequestContext()),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "used" }]);
    expect(await emailsTo(person.email, "security-notice")).toHaveLength(1);
  });

  it("calls garbage and unknown links invalid", async () => {
    for (const garbage of ["", "short", "<script>", "a".repeat(44)]) {
      expect(await resetLinkState(garbage)).toBe("invalid");
      expect(await resetPassword(garbage, NEW_PASSWORD, buildRequestContext())).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await resetPassword("A".repeat(43), NEW_PASSWORD, buildRequestContext())).toEqual({ ok: false, reason: "invalid" });
  });
});
