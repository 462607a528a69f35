import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { emailChangeTokens, users } from "@/db/schema";
import { confirmEmailChange, emailChangeLinkState, requestEmailChange } from "@/lib/account/email-change";
import { hashToken } from "@/lib/account/tokens";
import { authenticate } from "@/lib/auth/authenticate";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { auditEventsFor } from "@/tests/support/queries";
import { createPerson, linkToken, sessionEnd, signedIn } from "./helpers";

const HOUR = 60 * 60 * 1000;

function newAddress(name = "dana.new") {
  return `${name}.${crypto.randomUUID().slice(0, 8)}@clinic.example`;
}

async function askFor(person: { userId: string; password: string }, newEmail: string, now = new Date()) {
  const result = await requestEmailChange(person.userId, { currentPassword: person.password, newEmail }, buildRequestContext(), now);
  expect(result).toEqual({ ok: true });
  const [message] = await emailsTo(newEmail, "email-change");
  return linkToken(message!.html, "/confirm-email-change");
}

describe("requestEmailChange", () => {
  it("needs the current password", async () => {
    const person = await createPerson();
    const newEmail = newAddress();
    expect(await requestEmailChange(person.userId, { currentPassword: "not the password", newEmail }, buildRequestContext())).toEqual({ ok: false, code: "wrong_password" });
    expect(await emailsTo(newEmail)).toEqual([]);
    expect(await emailsTo(person.email)).toEqual([]);
  });

  it("sends a 24-hour link to the new address and a masked notice to the old one; nothing changes yet", async () => {
    const person = await createPerson();
    const newEmail = newAddress("nora");
    const token = await askFor(person, newEmail);
    const [stored] = await db.select().from(emailChangeTokens).where(eq(emailChangeTokens.tokenHash, hashToken(token)));
    expect(stored).toMatchObject({ userId: person.userId, newEmail, usedAt: null });
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(24 * HOUR);
    const [notice] = await emailsTo(person.email, "security-notice");
    expect(notice?.text).toContain("Someone asked to change your account's email to n•••@clinic.example.");
    expect(notice?.text).not.toContain(newEmail);
    const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, person.userId));
    expect(row?.email).toBe(person.email);
  });

  it("answers the same for an address another account uses, but sends it nothing", async () => {
    const person = await createPerson();
    const owner = await createPerson();
    const context = buildRequestContext();
    expect(await requestEmailChange(person.userId, { currentPassword: person.password, newEmail: owner.email }, context)).toEqual({ ok: true });
    expect(await emailsTo(owner.email)).toEqual([]);
    expect(await emailsTo(person.email, "security-notice")).toHaveLength(1);
    expect(await auditEventsFor(context.requestId, "email.change_requested")).toMatchObject([{ outcome: "denied", reason: "address_in_use" }]);
  });

  it("refuses the address the account already has", async () => {
    const person = await createPerson();
    expect(await requestEmailChange(person.userId, { currentPassword: person.password, newEmail: person.email }, buildRequestContext())).toEqual({ ok: false, code: "same_email" });
  });
});

describe("confirmEmailChange", () => {
  it("moves the account to the new address once; other sessions end, the confirming one stays", async () => {
    const person = await createPerson();
    const current = await signedIn(person);
    const other = await signedIn(person);
    const newEmail = newAddress();
    const token = await askFor(person, newEmail);
    expect(await emailChangeLinkState(token)).toBe("valid");

    const context = buildRequestContext();
    expect(await confirmEmailChange(token, context, { currentSessionId: current })).toEqual({ ok: true, email: newEmail });
    expect(await sessionEnd(other)).toMatchObject({ endReason: "email_changed" });
    expect(await sessionEnd(current)).toEqual({ endedAt: null, endReason: null });
    expect(await authenticate(newEmail, person.password, buildRequestContext())).toMatchObject({ ok: true });
    expect(await authenticate(person.email, person.password, buildRequestContext())).toEqual({ ok: false, code: "invalid" });
    expect((await auditEventsFor(context.requestId)).map((event) => [event.action, event.outcome])).toEqual([
      ["session.ended", "success"],
      ["email.changed", "success"],
    ]);
    const notices = await emailsTo(person.email, "security-notice");
    expect(notices.at(-1)?.text).toContain("Your account's email was changed to d•••@clinic.example.");

    expect(await confirmEmailChange(token, buildRequestContext())).toEqual({ ok: false, reason: "used" });
    expect(await emailChangeLinkState(token)).toBe("used");
  });

  it("works without a session: every session of the account ends", async () => {
    const person = await createPerson();
    const session = await signedIn(person);
    const token = await askFor(person, newAddress());
    expect(await confirmEmailChange(token, buildRequestContext())).toMatchObject({ ok: true });
    expect(await sessionEnd(session)).toMatchObject({ endReason: "email_changed" });
  });

  it("refuses a link 24 hours after it was sent", async () => {
    const person = await createPerson();
    const sentAt = new Date();
    const token = await askFor(person, newAddress(), sentAt);
    const late = new Date(sentAt.getTime() + 24 * HOUR);
    expect(await emailChangeLinkState(token, late)).toBe("expired");
    expect(await confirmEmailChange(token, buildRequestContext(), { now: late })).toEqual({ ok: false, reason: "expired" });
    expect(await confirmEmailChange(token, buildRequestContext(), { now: new Date(sentAt.getTime() + 23 * HOUR) })).toMatchObject({ ok: true });
  });

  it("refuses when another account has taken the address meanwhile, and changes nothing", async () => {
    const person = await createPerson();
    const newEmail = newAddress();
    const token = await askFor(person, newEmail);
    await createPerson({ email: newEmail });
    const context = buildRequestContext();
    expect(await confirmEmailChange(token, context)).toEqual({ ok: false, reason: "unavailable" });
    const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, person.userId));
    expect(row?.email).toBe(person.email);
    expect(await auditEventsFor(context.requestId)).toMatchObject([{ action: "email.changed", outcome: "denied", reason: "address_in_use" }]);
  });

  it("lets only one of two simultaneous uses through", async () => {
    const person = await createPerson();
    const token = await askFor(person, newAddress());
    const results = await Promise.all([confirmEmailChange(token, buildRequestContext()), confirmEmailChange(token, buildRequestContext())]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "used" }]);
  });

  it("calls garbage and unknown links invalid", async () => {
    expect(await confirmEmailChange("nope", buildRequestContext())).toEqual({ ok: false, reason: "invalid" });
    expect(await confirmEmailChange("B".repeat(43), buildRequestContext())).toEqual({ ok: false, reason: "invalid" });
  });
});
