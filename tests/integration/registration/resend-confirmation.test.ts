import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { confirmEmail, verificationLinkState } from "@/lib/auth/email-verification";
import { registerWithCheck } from "@/lib/registration/register-with-check";
import { registerWithNotice } from "@/lib/registration/register-with-notice";
import { resendConfirmationEmail } from "@/lib/registration/resend-confirmation";
import { lakesideByVendor, riverbendByNpi, uniqueEmail } from "@/tests/factories/check-registration";
import { demoAccounts, seedDemo } from "@/tests/factories/demo-data";
import { prairieByNotice } from "@/tests/factories/notice-registration";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo, verificationTokenFrom } from "@/tests/support/outbox";
import { auditEventsFor, countRows, findUserByEmail } from "@/tests/support/queries";

const HOUR = 60 * 60 * 1000;

beforeAll(() => seedDemo());

describe("Send it again, after registering", () => {
  it("sends a new link for this browser's registration, never a second account, three an hour, then says when to try again", async () => {
    const registration = lakesideByVendor();
    expect(await registerWithCheck(registration, buildRequestContext())).toEqual({ ok: true });
    const pending = { email: registration.email, submissionId: registration.submissionId };
    const account = await findUserByEmail(registration.email);

    const context = buildRequestContext();
    const started = performance.now();
    expect(await resendConfirmationEmail(pending, context)).toEqual({ ok: true, status: "sent" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    const [audit] = await auditEventsFor(context.requestId, "email.verification_resent");
    expect(audit).toMatchObject({ outcome: "success", actorLabel: registration.email, subjectUserId: account!.id });

    const messages = await emailsTo(registration.email, "verify-email");
    expect(messages).toHaveLength(2);
    const [first, second] = messages.map((message) => verificationTokenFrom(message.html));
    expect(first).not.toBe(second);
    // Both links work: the person may open either email.
    expect(await verificationLinkState(first!)).toBe("valid");
    expect(await verificationLinkState(second!)).toBe("valid");
    expect(await countRows(users, eq(users.email, registration.email))).toBe(1);

    expect(await resendConfirmationEmail(pending, buildRequestContext())).toEqual({ ok: true, status: "sent" });
    expect(await resendConfirmationEmail(pending, buildRequestContext())).toEqual({ ok: true, status: "sent" });
    const refusedContext = buildRequestContext();
    const refused = await resendConfirmationEmail(pending, refusedContext);
    expect(refused).toMatchObject({ ok: false, code: "rate_limited" });
    if (refused.ok) throw new Error("unreachable");
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(3600);
    const [limited] = await auditEventsFor(refusedContext.requestId, "email.verification_resent");
    expect(limited).toMatchObject({ outcome: "rate_limited", reason: "verificationEmailByAddress", actorLabel: registration.email });
    expect(await emailsTo(registration.email, "verify-email")).toHaveLength(4);
    expect(await countRows(users, eq(users.email, registration.email))).toBe(1);
  });

  it("answers the same for an address that already had an account, and emails nobody", async () => {
    const registration = riverbendByNpi({ email: demoAccounts.delegate.email });
    expect(await registerWithCheck(registration, buildRequestContext())).toEqual({ ok: true });
    const before = (await emailsTo(demoAccounts.delegate.email)).length;

    const context = buildRequestContext();
    expect(await resendConfirmationEmail({ email: registration.email, submissionId: registration.submissionId }, context)).toEqual({ ok: true, status: "sent" });
    expect(await emailsTo(demoAccounts.delegate.email)).toHaveLength(before);
    const [audit] = await auditEventsFor(context.requestId, "email.verification_resent");
    expect(audit).toMatchObject({ outcome: "denied", reason: "no_account_created", subjectUserId: null });
  });

  it("sends nothing for a submission id that isn't the address's registration", async () => {
    const registration = prairieByNotice({ email: uniqueEmail("Robin.Vale", "Prairie.Example") });
    expect(await registerWithNotice(registration, buildRequestContext())).toEqual({ ok: true });
    expect(await resendConfirmationEmail({ email: registration.email, submissionId: randomUUID() }, buildRequestContext())).toEqual({ ok: true, status: "sent" });
    expect(await emailsTo(registration.email, "verify-email")).toHaveLength(1);

    // Once confirmed, the registrant is told so (it is their own registration).
    const [message] = await emailsTo(registration.email, "verify-email");
    expect(await confirmEmail(verificationTokenFrom(message!.html), buildRequestContext())).toMatchObject({ ok: true });
    const context = buildRequestContext();
    expect(await resendConfirmationEmail({ email: registration.email, submissionId: registration.submissionId }, context)).toEqual({ ok: true, status: "already_confirmed" });
    expect(await emailsTo(registration.email, "verify-email")).toHaveLength(1);
    expect((await auditEventsFor(context.requestId, "email.verification_resent"))[0]).toMatchObject({ outcome: "denied", reason: "already_confirmed" });
  });

  it("takes 10 an hour from one client address, whatever the address registered", async () => {
    const context = buildRequestContext();
    for (let request = 0; request < 10; request += 1) {
      const answer = await resendConfirmationEmail({ email: uniqueEmail("Many").toLowerCase(), submissionId: randomUUID() }, { ...context, requestId: randomUUID() });
      expect(answer, `request ${request + 1}`).toEqual({ ok: true, status: "sent" });
    }
    const refusedContext = { ...context, requestId: randomUUID() };
    expect(await resendConfirmationEmail({ email: uniqueEmail("Many").toLowerCase(), submissionId: randomUUID() }, refusedContext)).toMatchObject({ ok: false, code: "rate_limited" });
    expect((await auditEventsFor(refusedContext.requestId, "email.verification_resent"))[0]).toMatchObject({ outcome: "rate_limited", reason: "verificationResendByClient" });
  });
});

describe("a confirmation link's state, when its page opens", () => {
  it("is valid until used or past 24 hours, and invalid for anything that isn't one of ours", async () => {
    const registration = riverbendByNpi({ taxId: "41-3456790", checkNumber: "7001004", proof: "vendor", vendorNumber: "100456", npi: "" });
    expect(await registerWithCheck(registration, buildRequestContext())).toEqual({ ok: true });
    const [message] = await emailsTo(registration.email, "verify-email");
    const token = verificationTokenFrom(message!.html);

    expect(await verificationLinkState(token)).toBe("valid");
    expect(await verificationLinkState(token, new Date(Date.now() + 25 * HOUR))).toBe("expired");
    for (const garbage of ["", "short", "<script>", "a".repeat(101), randomBytes(32).toString("base64url")]) {
      expect(await verificationLinkState(garbage), garbage).toBe("invalid");
    }
    // Looking doesn't use the link up.
    expect(await verificationLinkState(token)).toBe("valid");
    expect(await confirmEmail(token, buildRequestContext())).toMatchObject({ ok: true });
    expect(await verificationLinkState(token)).toBe("used");
  });
});
