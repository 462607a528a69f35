import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { changePassword } from "@/lib/account/change-password";
import { saveContactDetails } from "@/lib/account/contact-details";
import { endOtherSessions, endOwnSession, openSessionsOf } from "@/lib/account/sessions";
import { authenticate } from "@/lib/auth/authenticate";
import { resolveSession } from "@/lib/auth/sessions";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { auditEventsFor } from "@/tests/support/queries";
import { createPerson, sessionEnd, signedIn } from "./helpers";

const NEW_PASSWORD = "green canoe on still water";

describe("changePassword", () => {
  it("needs the current password: a wrong one changes nothing and is counted", async () => {
    const person = await createPerson();
    const sessionId = await signedIn(person);
    const other = await signedIn(person);
    const context = buildRequestContext();
    expect(await changePassword({ userId: person.userId, sessionId }, { currentPassword: "not my password at all", newPassword: NEW_PASSWORD }, context)).toEqual({
      ok: false,
      code: "wrong_password",
    });
    expect((await sessionEnd(other)).endedAt).toBeNull();
    expect(await authenticate(person.email, person.password, buildRequestContext())).toMatchObject({ ok: true });
    expect(await auditEventsFor(context.requestId)).toMatchObject([{ action: "password.changed", outcome: "failure", reason: "wrong_password" }]);
  });

  it("pauses after 5 wrong current passwords in parallel, even when the 6th is right", async () => {
    const person = await createPerson();
    const sessionId = await signedIn(person);
    const wrong = await Promise.all(
      Array.from({ length: 8 }, () => changePassword({ userId: person.userId, sessionId }, { currentPassword: "a wrong guess here", newPassword: NEW_PASSWORD }, buildRequestContext())),
    );
    expect(wrong.filter((result) => !result.ok && result.code === "wrong_password")).toHaveLength(5);
    expect(wrong.filter((result) => !result.ok && result.code === "rate_limited")).toHaveLength(3);
    expect(await changePassword({ userId: person.userId, sessionId }, { currentPassword: person.password, newPassword: NEW_PASSWORD }, buildRequestContext())).toMatchObject({
      ok: false,
      code: "rate_limited",
    });
  });

  it("refuses a guessable new password, or one made of the person's own email, and changes nothing", async () => {
    const person = await createPerson();
    const sessionId = await signedIn(person);
    const other = await signedIn(person);
    for (const weak of ["Welcome12345", "qwertyuiopas", `${person.email}1`]) {
      expect(await changePassword({ userId: person.userId, sessionId }, { currentPassword: person.password, newPassword: weak }, buildRequestContext())).toMatchObject({ ok: false, code: "weak_password" });
    }
    expect(await sessionEnd(other)).toEqual({ endedAt: null, endReason: null });
  });

  it("sets the new password, ends every other session but keeps this one, audits and emails", async () => {
    const person = await createPerson();
    const sessionId = await signedIn(person);
    const others = [await signedIn(person), await signedIn(person)];
    const context = buildRequestContext();
    const now = new Date();
    expect(await changePassword({ userId: person.userId, sessionId }, { currentPassword: person.password, newPassword: NEW_PASSWORD }, context, now)).toEqual({ ok: true, sessionsEnded: 2 });

    expect(await sessionEnd(sessionId)).toEqual({ endedAt: null, endReason: null });
    for (const id of others) expect(await sessionEnd(id)).toEqual({ endedAt: now, endReason: "password_changed" });
    expect(await resolveSession(sessionId, null)).toMatchObject({ userId: person.userId });
    expect(await authenticate(person.email, person.password, buildRequestContext())).toEqual({ ok: false, code: "invalid" });
    expect(await authenticate(person.email, NEW_PASSWORD, buildRequestContext())).toMatchObject({ ok: true });
    expect((await auditEventsFor(context.requestId)).map((event) => [event.action, event.outcome, event.reason])).toEqual([
      ["session.ended", "success", "password_changed"],
      ["password.changed", "success", null],
    ]);
    const [notice] = await emailsTo(person.email, "security-notice");
    expect(notice?.text).toContain("Your password was changed.");
  });
});

describe("sessions in account settings", () => {
  it("lists the person's open sessions, this one first, with device and address", async () => {
    const person = await createPerson();
    const phone = await signedIn(person, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1");
    const current = await signedIn(person);
    const ended = await signedIn(person);
    await endOwnSession(person, ended, buildRequestContext());
    const stranger = await createPerson();
    await signedIn(stranger);

    const list = await openSessionsOf({ userId: person.userId, sessionId: current });
    expect(list.map((session) => [session.id, session.device, session.current])).toEqual([
      [current, "Chrome on Windows", true],
      [phone, "Safari on iOS", false],
    ]);
    expect(list[0]!.clientAddress).toMatch(/^10\./);
  });

  it("ends one of the person's own sessions: its next request is refused", async () => {
    const person = await createPerson();
    const current = await signedIn(person);
    const other = await signedIn(person);
    const context = buildRequestContext();
    expect(await endOwnSession(person, other, context)).toBe(true);
    expect(await sessionEnd(other)).toMatchObject({ endReason: "ended_by_user" });
    expect(await resolveSession(other, null)).toBeNull();
    expect(await resolveSession(current, null)).toMatchObject({ userId: person.userId });
    expect(await auditEventsFor(context.requestId)).toMatchObject([{ action: "session.ended", outcome: "success", reason: "ended_by_user", actorUserId: person.userId }]);
  });

  it("refuses to end another person's session, and audits the attempt", async () => {
    const person = await createPerson();
    const victim = await createPerson();
    const theirs = await signedIn(victim);
    const context = buildRequestContext();
    expect(await endOwnSession(person, theirs, context)).toBe(false);
    expect(await sessionEnd(theirs)).toEqual({ endedAt: null, endReason: null });
    expect(await auditEventsFor(context.requestId)).toMatchObject([{ action: "session.ended", outcome: "denied", actorUserId: person.userId }]);
  });

  it("signs out everywhere else, keeping this session", async () => {
    const person = await createPerson();
    const current = await signedIn(person);
    const others = [await signedIn(person), await signedIn(person)];
    const bystander = await signedIn(await createPerson());
    expect(await endOtherSessions({ userId: person.userId, sessionId: current }, buildRequestContext())).toBe(2);
    for (const id of others) expect(await sessionEnd(id)).toMatchObject({ endReason: "ended_by_user" });
    expect(await sessionEnd(current)).toEqual({ endedAt: null, endReason: null });
    expect(await sessionEnd(bystander)).toEqual({ endedAt: null, endReason: null });
  });
});

describe("saveContactDetails", () => {
  it("saves the name and phone and audits which fields changed", async () => {
    const person = await createPerson();
    const context = buildRequestContext();
    expect(await saveContactDetails(person.userId, { firstName: "Dana", lastName: "Lee-Park", phone: "6125550199" }, context)).toEqual({ ok: true, changed: ["lastName", "phone"] });
    const [row] = await db.select({ lastName: users.lastName, phone: users.phone }).from(users).where(eq(users.id, person.userId));
    expect(row).toEqual({ lastName: "Lee-Park", phone: "6125550199" });
    expect(await auditEventsFor(context.requestId)).toMatchObject([{ action: "account.contact_changed", actorUserId: person.userId, details: { fields: "lastName,phone" } }]);

    const again = buildRequestContext();
    expect(await saveContactDetails(person.userId, { firstName: "Dana", lastName: "Lee-Park", phone: "6125550199" }, again)).toEqual({ ok: true, changed: [] });
    expect(await auditEventsFor(again.requestId)).toEqual([]);
  });
});
