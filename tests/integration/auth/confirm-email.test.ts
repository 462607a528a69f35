import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { emailVerificationTokens } from "@/db/schema";
import { confirmEmail, hashToken } from "@/lib/auth/email-verification";
import { registerWithCheck } from "@/lib/registration/register-with-check";
import { lakesideByVendor, riverbendByNpi } from "@/tests/factories/check-registration";
import { seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo, verificationTokenFrom } from "@/tests/support/outbox";
import { auditEventsFor, findUserByEmail } from "@/tests/support/queries";

const HOUR = 60 * 60 * 1000;

beforeAll(() => seedDemo());

/** Registers someone and returns the token from the link in their confirmation email. */
async function registerAndReadLink(registration = lakesideByVendor()) {
  expect(await registerWithCheck(registration, buildRequestContext())).toEqual({ ok: true });
  const [email] = await emailsTo(registration.email, "verify-email");
  return { email: registration.email, token: verificationTokenFrom(email!.html) };
}

describe("confirmEmail", () => {
  it("confirms the address once with the token from the email; the link is then used up", async () => {
    const { email, token } = await registerAndReadLink();
    const [stored] = await db.select().from(emailVerificationTokens).where(eq(emailVerificationTokens.tokenHash, hashToken(token)));
    expect(stored?.usedAt).toBeNull();
    // Only the hash is stored, never the token itself.
    expect(JSON.stringify(stored)).not.toContain(token);

    const context = buildRequestContext();
    const confirmedAt = new Date();
    expect(await confirmEmail(token, context, confirmedAt)).toEqual({ ok: true, email });
    const user = await findUserByEmail(email);
    expect(user?.emailVerifiedAt?.getTime()).toBe(confirmedAt.getTime());
    const [success] = await auditEventsFor(context.requestId, "email.verified");
    expect(success).toMatchObject({ outcome: "success", actorUserId: user!.id, subjectUserId: user!.id });

    const again = buildRequestContext();
    expect(await confirmEmail(token, again)).toEqual({ ok: false, reason: "used" });
    expect((await findUserByEmail(email))?.emailVerifiedAt?.getTime()).toBe(confirmedAt.getTime());
    const [failure] = await auditEventsFor(again.requestId, "email.verified");
    expect(failure).toMatchObject({ outcome: "failure", reason: "used", subjectUserId: user!.id });
    expect(JSON.stringify(failure)).not.toContain(token);
  });

  it("refuses a token 25 hours after it was sent, and leaves the address unconfirmed", async () => {
    const { email, token } = await registerAndReadLink(riverbendByNpi());
    const context = buildRequestContext();
    expect(await confirmEmail(token, context, new Date(Date.now() + 25 * HOUR))).toEqual({ ok: false, reason: "expired" });
    expect((await findUserByEmail(email))?.emailVerifiedAt).toBeNull();
    const [failure] = await auditEventsFor(context.requestId, "email.verified");
    expect(failure?.reason).toBe("expired");

    // Within the 24 hours the same token still works.
    expect(await confirmEmail(token, buildRequestContext(), new Date(Date.now() + 23 * HOUR))).toEqual({ ok: true, email });
  });

  it("calls garbage and unknown tokens invalid", async () => {
    for (const garbage of ["", "not a token", "short", "<script>alert(1)</script>", "a".repeat(101)]) {
      expect(await confirmEmail(garbage, buildRequestContext()), garbage).toEqual({ ok: false, reason: "invalid" });
    }
    const context = buildRequestContext();
    expect(await confirmEmail(randomBytes(32).toString("base64url"), context)).toEqual({ ok: false, reason: "invalid" });
    const [failure] = await auditEventsFor(context.requestId, "email.verified");
    expect(failure).toMatchObject({ outcome: "failure", reason: "invalid", subjectUserId: null });
  });
});
