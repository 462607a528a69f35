import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { cases, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { enterPin } from "@/lib/pin-letters/enter-pin";
import { registerWithMail } from "@/lib/pin-letters/register-with-mail";
import { PIN_ALPHABET } from "@/lib/validation/pin";
import { demoDelegate, seedDemo } from "@/tests/factories/demo-data";
import { birchwoodByMail, lettersOf, mailGrantOf, pinOfNewestLetter } from "@/tests/factories/mail-registration";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { auditEventsFor, countRows, delegatesOfTaxId, findUserByEmail } from "@/tests/support/queries";

const DAY = 24 * 60 * 60 * 1000;
const BIRCHWOOD = "415678901";

beforeAll(() => seedDemo());

describe("registerWithMail", () => {
  it("creates the account, a pending grant and a queued letter to the address of record, with the confirmation email", async () => {
    const now = new Date("2026-03-02T15:00:00Z");
    const registration = birchwoodByMail();
    const context = buildRequestContext();
    expect(await registerWithMail(registration, context, now)).toEqual({ ok: true });

    const user = await findUserByEmail(registration.email);
    expect(user).toMatchObject({ firstName: "Morgan", lastName: "Ellis", emailVerifiedAt: null });
    const grant = await mailGrantOf(user!.id, BIRCHWOOD);
    expect(grant).toMatchObject({ status: "pending", method: "us_mail_pin", allNpis: true, grantedAt: null });
    expect(grant.expiresAt).toEqual(new Date(now.getTime() + 30 * DAY));

    const [letter, ...others] = await lettersOf(user!.id);
    expect(others).toEqual([]);
    expect(letter).toMatchObject({
      taxId: BIRCHWOOD,
      grantId: grant.id,
      status: "queued",
      failedAttempts: 0,
      departedDelegateClaim: null,
      // The address of record, never one the registrant typed.
      address: { name: "Birchwood Clinic", addressLine1: "500 Birch Ln", addressLine2: null, city: "Bloomington", state: "MN", postalCode: "55420" },
    });
    expect(letter!.letterDate).toEqual(now);
    expect(letter!.expiresAt).toEqual(new Date(now.getTime() + 30 * DAY));

    // The sealed copy decrypts to the PIN whose slow hash is stored; neither holds the PIN in clear.
    const pin = await pinOfNewestLetter(user!.id);
    expect(pin).toMatch(new RegExp(`^[${PIN_ALPHABET}]{8}$`));
    expect(await verifyPassword(letter!.pinHash, pin)).toBe(true);
    expect(letter!.pinHash).not.toContain(pin);
    expect(letter!.pinCiphertext).not.toContain(pin);

    expect((await emailsTo(registration.email)).map((email) => email.template)).toEqual(["verify-email"]);
    const events = await auditEventsFor(context.requestId);
    expect(events.map((event) => [event.action, event.outcome])).toEqual([
      ["registration.created", "success"],
      ["pin_letter.requested", "success"],
    ]);
    for (const event of events) expect(JSON.stringify(event)).not.toContain(pin);
  });

  it("creates one account and one letter when the form is submitted twice", async () => {
    const registration = birchwoodByMail();
    expect(await registerWithMail(registration, buildRequestContext())).toEqual({ ok: true });
    expect(await registerWithMail(registration, buildRequestContext())).toEqual({ ok: true });
    expect(await countRows(users, eq(users.email, registration.email))).toBe(1);
    const user = await findUserByEmail(registration.email);
    expect(await lettersOf(user!.id)).toHaveLength(1);
  });

  it("answers an email that has an account like a new one, creating nothing", async () => {
    const registration = birchwoodByMail({ email: "pat.morgan@northside.example" });
    const usersBefore = await countRows(users);
    expect(await registerWithMail(registration, buildRequestContext())).toEqual({ ok: true });
    expect(await countRows(users)).toBe(usersBefore);
  });

  it("refuses a Tax ID that is not in the records, and an NPI that does not bill under it", async () => {
    expect(await registerWithMail(birchwoodByMail({ taxId: "41-9876543" }), buildRequestContext())).toEqual({ ok: false, code: "not_listed" });
    expect(await registerWithMail(birchwoodByMail({ npi: "1234567893" }), buildRequestContext())).toEqual({ ok: false, code: "npi_not_on_tax_id" });
  });

  it("counts every lookup against the client's limit, atomically", async () => {
    const context = buildRequestContext();
    const results = await Promise.all(Array.from({ length: 32 }, () => registerWithMail(birchwoodByMail({ taxId: "41-9876543" }), context)));
    expect(results.filter((result) => !result.ok && result.code === "not_listed")).toHaveLength(30);
    expect(results.filter((result) => !result.ok && result.code === "rate_limited")).toHaveLength(2);
  });

  it("asks why Northside's delegate can't assist, then keeps the claim on the letter and applies it at redemption", async () => {
    const first = birchwoodByMail({ taxId: "41-2345678", npi: "" });
    expect(await registerWithMail(first, buildRequestContext())).toEqual({ ok: false, code: "already_registered", organizationName: "Northside Pediatrics", delegates: ["P. M."] });
    expect(await findUserByEmail(first.email)).toBeNull();

    const registration = birchwoodByMail({ taxId: "41-2345678", npi: "", departedReason: "left_organization" });
    expect(await registerWithMail(registration, buildRequestContext())).toEqual({ ok: true });
    const user = await findUserByEmail(registration.email);
    const [letter] = await lettersOf(user!.id);
    expect(letter!.departedDelegateClaim).toEqual({ reason: "left_organization", note: null });
    // Nothing changes for the organization until the PIN proves the practice.
    const pat = await demoDelegate();
    expect(await delegatesOfTaxId("412345678")).toEqual([pat.id]);
    expect(await countRows(cases, eq(cases.requesterUserId, user!.id))).toBe(0);

    const grant = await mailGrantOf(user!.id, "412345678");
    const result = await enterPin(user!.id, grant.id, await pinOfNewestLetter(user!.id), buildRequestContext());
    expect(result).toEqual({ ok: true, taxId: "412345678", role: "delegate" });
    expect(await delegatesOfTaxId("412345678")).toEqual([pat.id, user!.id]);
    const [review] = await db.select().from(cases).where(eq(cases.requesterUserId, user!.id));
    expect(review).toMatchObject({ type: "departed_delegate_review", taxId: "412345678", status: "open" });
  });
});
