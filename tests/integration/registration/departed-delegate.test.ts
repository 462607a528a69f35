import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { caseEvents, caseLinkTokens, cases } from "@/db/schema";
import { hashToken } from "@/lib/auth/email-verification";
import { disputeDepartedClaim, disputeLinkProblem } from "@/lib/cases/dispute-departed-claim";
import { registerWithCheck } from "@/lib/registration/register-with-check";
import { northsideByVendor } from "@/tests/factories/check-registration";
import { demoDelegate, seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { countRows, delegatesOfTaxId, findUserByEmail } from "@/tests/support/queries";

beforeAll(() => seedDemo());

function disputeTokenFrom(html: string): string {
  const match = /\/cases\/dispute\?token=([A-Za-z0-9_-]+)/.exec(html);
  if (!match?.[1]) throw new Error("No /cases/dispute?token= link in this email.");
  return match[1];
}

/** Chris Park registers for Northside Pediatrics, saying Pat Morgan has left; returns Pat's newest email. */
async function registerInPatsPlace(firstName = "Chris") {
  const registration = northsideByVendor({ firstName, lastName: "Park", departedReason: "left_organization" });
  expect(await registerWithCheck(registration, buildRequestContext())).toEqual({ ok: true });
  const pat = await demoDelegate();
  const email = (await emailsTo(pat.email, "delegate-replaced")).at(-1)!;
  return { registration, pat, email };
}

describe("the person who registered has left", () => {
  it("makes the registrant a delegate alongside Pat, opens a review case, and emails Pat a working single-use link", async () => {
    const { registration, pat, email } = await registerInPatsPlace();
    const user = await findUserByEmail(registration.email);
    expect(await delegatesOfTaxId("412345678")).toEqual([pat.id, user!.id]);

    const [review] = await db.select().from(cases).where(eq(cases.requesterUserId, user!.id));
    expect(review).toMatchObject({ type: "departed_delegate_review", taxId: "412345678", status: "open" });

    expect(email.subject).toContain("Northside Pediatrics");
    expect(email.text).toContain("Chris Park registered for Tax ID 41-2345678 (Northside Pediatrics) and said you are unable to assist: they have left the organization. If this is wrong, tell us");
    const token = disputeTokenFrom(email.html);
    expect(email.text).toContain(`http://portal.test/cases/dispute?token=${token}`);

    // Only the hash is stored, for 30 days, tied to the review case and to Pat.
    const [link] = await db.select().from(caseLinkTokens).where(eq(caseLinkTokens.tokenHash, hashToken(token)));
    expect(link).toMatchObject({ caseId: review!.id, userId: pat.id, usedAt: null });
    const days = (link!.expiresAt.getTime() - link!.createdAt.getTime()) / 86_400_000;
    expect(days).toBe(30);
    expect(await countRows(caseLinkTokens, eq(caseLinkTokens.tokenHash, token))).toBe(0);

    // Looking at the link changes nothing.
    expect(await disputeLinkProblem(token)).toBeNull();
    expect(await disputeLinkProblem(token)).toBeNull();

    const context = buildRequestContext();
    const disputed = await disputeDepartedClaim({ token, message: "I still work here." }, context);
    expect(disputed).toMatchObject({ ok: true });
    if (!disputed.ok) throw new Error("expected ok");

    const [dispute] = await db.select().from(cases).where(eq(cases.number, disputed.caseNumber));
    expect(dispute).toMatchObject({ type: "delegate_dispute", relatedCaseId: review!.id, requesterUserId: pat.id, taxId: "412345678", contactEmail: pat.email });
    expect(dispute!.details).toMatchObject({ message: "I still work here.", reviewCase: `C-${review!.number}` });
    const reviewHistory = await db.select().from(caseEvents).where(eq(caseEvents.caseId, review!.id));
    expect(reviewHistory.map((event) => event.kind)).toEqual(["opened", "linked"]);
    expect(reviewHistory[1]!.body).toContain(`C-${disputed.caseNumber}`);

    // Single use.
    expect(await disputeDepartedClaim({ token, message: null }, buildRequestContext())).toEqual({ ok: false, reason: "used" });
    expect(await disputeLinkProblem(token)).toBe("used");
    expect(await countRows(cases, eq(cases.relatedCaseId, review!.id))).toBe(1);
  });

  it("refuses unknown, malformed and expired links, each with its reason", async () => {
    expect(await disputeDepartedClaim({ token: "x".repeat(43), message: null }, buildRequestContext())).toEqual({ ok: false, reason: "invalid" });
    expect(await disputeDepartedClaim({ token: "<script>", message: null }, buildRequestContext())).toEqual({ ok: false, reason: "invalid" });
    expect(await disputeLinkProblem("")).toBe("invalid");

    const { email } = await registerInPatsPlace("Robin");
    const token = disputeTokenFrom(email.html);
    const in31Days = new Date(Date.now() + 31 * 86_400_000);
    expect(await disputeLinkProblem(token, in31Days)).toBe("expired");
    expect(await disputeDepartedClaim({ token, message: null }, buildRequestContext(), in31Days)).toEqual({ ok: false, reason: "expired" });
    // Still usable today: the expired attempt used nothing.
    expect(await disputeDepartedClaim({ token, message: null }, buildRequestContext())).toMatchObject({ ok: true });
  });

  it("lets two clicks at once open one dispute case", async () => {
    const { email } = await registerInPatsPlace("Sky");
    const token = disputeTokenFrom(email.html);
    const results = await Promise.all([disputeDepartedClaim({ token, message: null }, buildRequestContext()), disputeDepartedClaim({ token, message: null }, buildRequestContext())]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results).toContainEqual({ ok: false, reason: "used" });
  });
});
