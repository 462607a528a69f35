import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { recoveryCodes } from "@/db/schema";
import { passSecondStep } from "@/lib/auth/mfa/check-code";
import { makeNewRecoveryCodes } from "@/lib/auth/mfa/recovery";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { auditEventsFor } from "@/tests/support/queries";
import { codeAt, enrollAuthenticator, MINUTE, newPerson, reload, sessionOf } from "./helpers";

describe("recovery codes", () => {
  it("are 10 easy-to-type codes, each working once, however it is typed; using one emails the person", async () => {
    const start = new Date();
    const person = await newPerson();
    const { recoveryCodes: codes } = await enrollAuthenticator(person, start);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[acdefghjkmnpqrtuvwxy34679]{4}-[acdefghjkmnpqrtuvwxy34679]{4}-[acdefghjkmnpqrtuvwxy34679]{2}$/);

    const session = await sessionOf(person.userId, start);
    const context = buildRequestContext();
    const typed = ` ${codes[0]!.toUpperCase().replace(/-/g, " ")} `;
    expect(await passSecondStep(session, "recovery_code", typed, context, start)).toEqual({ ok: true, method: "recovery_code" });
    expect(await reload(session, start)).toMatchObject({ mfaMethod: "recovery_code", mfaVerifiedAt: start });
    expect(await auditEventsFor(context.requestId, "mfa.recovery_code_used")).toHaveLength(1);
    expect((await emailsTo(person.email, "security-notice")).at(-1)!.text).toContain("A recovery code was used to pass the second step of signing in to your account. You have 9 recovery codes left.");

    const again = await sessionOf(person.userId, start);
    expect(await passSecondStep(again, "recovery_code", codes[0]!, buildRequestContext(), start)).toEqual({ ok: false, code: "wrong" });
    // A recovery code is not an authenticator code, nor the other way round.
    expect(await passSecondStep(again, "totp", codes[1]!, buildRequestContext(), start)).toEqual({ ok: false, code: "wrong" });
    expect((await reload(again, start)).mfaVerifiedAt).toBeNull();
  });

  it("work once even when the same code arrives many times at once", async () => {
    const start = new Date();
    const person = await newPerson();
    const { recoveryCodes: codes } = await enrollAuthenticator(person, start);
    const sessions = await Promise.all(Array.from({ length: 4 }, () => sessionOf(person.userId, start)));
    const results = await Promise.all(sessions.map((session) => passSecondStep(session, "recovery_code", codes[2]!, buildRequestContext(), start)));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const used = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, person.userId));
    expect(used.filter((code) => code.usedAt !== null)).toHaveLength(1);
  });

  it("are replaced by a new set (the old ones stop working), which needs a second step from the last 10 minutes or a code", async () => {
    const start = new Date();
    const person = await newPerson();
    const { secret, recoveryCodes: old } = await enrollAuthenticator(person, start);

    const later = new Date(start.getTime() + 15 * MINUTE);
    const stale = await reload(person, later);
    expect(await makeNewRecoveryCodes(stale, undefined, buildRequestContext(), later)).toEqual({ ok: false, code: "code_needed" });
    const context = buildRequestContext();
    const made = await makeNewRecoveryCodes(stale, codeAt(secret, later), context, later);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.codes).toHaveLength(10);
    expect(made.codes.filter((code) => old.includes(code))).toEqual([]);
    expect(await auditEventsFor(context.requestId, "mfa.recovery_codes_created")).toMatchObject([{ outcome: "success", details: { count: 10, revoked: 10 } }]);
    expect((await emailsTo(person.email, "security-notice")).at(-1)!.text).toContain("New recovery codes were made for your account");

    const session = await sessionOf(person.userId, later);
    expect(await passSecondStep(session, "recovery_code", old[3]!, buildRequestContext(), later)).toEqual({ ok: false, code: "wrong" });
    expect(await passSecondStep(session, "recovery_code", made.codes[3]!, buildRequestContext(), later)).toEqual({ ok: true, method: "recovery_code" });

    // Within 10 minutes of a second step, no code is asked.
    const soon = new Date(later.getTime() + 5 * MINUTE);
    expect((await makeNewRecoveryCodes(await reload(session, soon), undefined, buildRequestContext(), soon)).ok).toBe(true);
  });

  it("are not made for an account without a second factor", async () => {
    const person = await newPerson();
    expect(await makeNewRecoveryCodes(person, undefined, buildRequestContext())).toEqual({ ok: false, code: "no_factor" });
  });
});
