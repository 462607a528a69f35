import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { recoveryCodes, sessions, totpAuthenticators } from "@/db/schema";
import { authenticatorSetup, confirmAuthenticatorSetup, removeAuthenticator } from "@/lib/auth/mfa/authenticator";
import { passSecondStep } from "@/lib/auth/mfa/check-code";
import { openTotpSecret } from "@/lib/auth/mfa/secret-cipher";
import { LIMITS, limitState } from "@/lib/rate-limit";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { auditEventsFor } from "@/tests/support/queries";
import { codeAt, enrollAuthenticator, MINUTE, newPerson, reload, sessionOf, STEP, wrongCodeAt } from "./helpers";


describe("setting up an authenticator app", () => {
  it("keeps the secret sealed (AES-256-GCM), shows the same one on reload, and confirms only with a right first code", async () => {
    const now = new Date();
    const person = await newPerson();
    const setup = await authenticatorSetup(person, now);
    expect(setup).not.toBeNull();
    const secret = setup!.groupedSecret.replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup!.groupedSecret).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    expect(setup!.uri).toContain(`secret=${secret}`);
    expect(setup!.qrSvg).toMatch(/^<svg /);

    const [row] = await db.select().from(totpAuthenticators).where(eq(totpAuthenticators.userId, person.userId));
    expect(row!.secretSealed).not.toContain(secret);
    expect(row!.secretSealed).toMatch(/^v1\./);
    expect(openTotpSecret(row!.secretSealed)).toBe(secret);
    expect(row!.confirmedAt).toBeNull();
    expect((await authenticatorSetup(person, now))!.groupedSecret).toBe(setup!.groupedSecret);

    const wrongContext = buildRequestContext();
    expect(await confirmAuthenticatorSetup(person, wrongCodeAt(secret, now), wrongContext, now)).toEqual({ ok: false, code: "wrong" });
    expect(await auditEventsFor(wrongContext.requestId, "mfa.code_refused")).toHaveLength(1);
    expect((await reload(person, now)).mfaVerifiedAt).toBeNull();

    const context = buildRequestContext();
    const result = await confirmAuthenticatorSetup(person, codeAt(secret, now), context, now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // The first factor brings 10 recovery codes, shown once; only their HMACs are kept.
    expect(result.recoveryCodes).toHaveLength(10);
    const stored = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, person.userId));
    expect(stored).toHaveLength(10);
    for (const code of result.recoveryCodes!) expect(stored.map((entry) => entry.codeHash).join()).not.toContain(code.replace(/-/g, ""));
    // Confirming it passes this session's second step, audits it and emails the person.
    expect(await reload(person, now)).toMatchObject({ mfaMethod: "totp", mfaVerifiedAt: now });
    expect(await auditEventsFor(context.requestId, "mfa.totp_added")).toHaveLength(1);
    const notices = await emailsTo(person.email, "security-notice");
    expect(notices.at(-1)!.text).toContain("An authenticator app was set up");
    // Once set up, the page has nothing more to set up.
    expect(await authenticatorSetup(person, now)).toBeNull();
  });
});

describe("the second step with an authenticator code", () => {
  it("accepts the code of the step before or after (±30 s), not two steps away, and never the same step twice", async () => {
    const start = new Date();
    const person = await newPerson();
    const { secret } = await enrollAuthenticator(person, start);

    // Two steps later: the code of one step before is still accepted (a phone a bit behind).
    const later = new Date(start.getTime() + 2 * STEP);
    const session = await sessionOf(person.userId, later);
    expect(await passSecondStep(session, "totp", codeAt(secret, new Date(later.getTime() - STEP)), buildRequestContext(), later)).toEqual({ ok: true, method: "totp" });
    // Replayed, even in a new session: refused.
    const other = await sessionOf(person.userId, later);
    expect(await passSecondStep(other, "totp", codeAt(secret, new Date(later.getTime() - STEP)), buildRequestContext(), later)).toEqual({ ok: false, code: "wrong" });
    // An earlier step than the last used one: refused too.
    expect(await passSecondStep(other, "totp", codeAt(secret, new Date(later.getTime() - 2 * STEP)), buildRequestContext(), later)).toEqual({ ok: false, code: "wrong" });
    // Two steps ahead of the server's clock: refused.
    expect(await passSecondStep(other, "totp", codeAt(secret, new Date(later.getTime() + 2 * STEP)), buildRequestContext(), later)).toEqual({ ok: false, code: "wrong" });
    // One step ahead: accepted.
    expect(await passSecondStep(other, "totp", codeAt(secret, new Date(later.getTime() + STEP)), buildRequestContext(), later)).toEqual({ ok: true, method: "totp" });
    expect(await reload(other, later)).toMatchObject({ mfaMethod: "totp", mfaVerifiedAt: later });
    const [row] = await db.select({ lastUsedStep: totpAuthenticators.lastUsedStep }).from(totpAuthenticators).where(eq(totpAuthenticators.userId, person.userId));
    expect(row!.lastUsedStep).toBe(Math.floor((later.getTime() + STEP) / STEP));
  });

  it("evaluates at most the limit's number of codes when many wrong ones arrive at once, then pauses", async () => {
    const start = new Date();
    const person = await newPerson();
    const { secret } = await enrollAuthenticator(person, start);
    const session = await sessionOf(person.userId, start);
    const wrong = wrongCodeAt(secret, start);
    const results = await Promise.all(Array.from({ length: 20 }, () => passSecondStep(session, "totp", wrong, buildRequestContext(), start)));
    const evaluated = results.filter((result) => !result.ok && result.code === "wrong");
    expect(evaluated.length).toBeLessThanOrEqual(LIMITS.mfaCodeByAccount.points);
    expect(results.filter((result) => !result.ok && result.code === "rate_limited").length).toBeGreaterThanOrEqual(20 - LIMITS.mfaCodeByAccount.points);
    expect((await limitState("mfaCodeByAccount", person.userId)).blocked).toBe(true);
    // The right code is refused too while paused: guessing can't go on.
    const next = new Date(start.getTime() + STEP);
    expect(await passSecondStep(session, "totp", codeAt(secret, next), buildRequestContext(), next)).toMatchObject({ ok: false, code: "rate_limited" });
    expect((await reload(session, start)).mfaVerifiedAt).toBeNull();
  });
});

describe("removing the authenticator app", () => {
  it("needs a second step from the last 10 minutes, else a code; then removes it with the recovery codes, emails and audits", async () => {
    const start = new Date();
    const person = await newPerson();
    const { secret } = await enrollAuthenticator(person, start);
    const later = new Date(start.getTime() + 11 * MINUTE);
    const stale = await reload(person, later);
    expect(await removeAuthenticator(stale, undefined, buildRequestContext(), later)).toEqual({ ok: false, code: "code_needed" });
    expect(await removeAuthenticator(stale, wrongCodeAt(secret, later), buildRequestContext(), later)).toEqual({ ok: false, code: "wrong" });
    const context = buildRequestContext();
    expect(await removeAuthenticator(stale, codeAt(secret, later), context, later)).toEqual({ ok: true });
    expect(await db.select().from(totpAuthenticators).where(eq(totpAuthenticators.userId, person.userId))).toHaveLength(0);
    const codes = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, person.userId));
    expect(codes.every((code) => code.revokedAt !== null)).toBe(true);
    expect(await auditEventsFor(context.requestId, "mfa.totp_removed")).toHaveLength(1);
    expect((await emailsTo(person.email, "security-notice")).at(-1)!.text).toContain("The authenticator app was removed");
    // The code given renewed the session's second step.
    const [session] = await db.select().from(sessions).where(eq(sessions.id, person.sessionId));
    expect(session!.mfaVerifiedAt).toEqual(later);
  });

  it("goes ahead without a code within 10 minutes of the second step", async () => {
    const start = new Date();
    const person = await newPerson();
    await enrollAuthenticator(person, start);
    const soon = new Date(start.getTime() + 9 * MINUTE);
    expect(await removeAuthenticator(await reload(person, soon), undefined, buildRequestContext(), soon)).toEqual({ ok: true });
  });

  it("is refused when it is the last factor of an account that must have one (staff)", async () => {
    const start = new Date();
    const person = await newPerson("staff", start);
    await enrollAuthenticator(person, start);
    expect(await removeAuthenticator(await reload(person, start), undefined, buildRequestContext(), start)).toEqual({ ok: false, code: "last_factor" });
    expect(await db.select().from(totpAuthenticators).where(eq(totpAuthenticators.userId, person.userId))).toHaveLength(1);
  });
});
