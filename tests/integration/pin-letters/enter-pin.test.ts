import { beforeAll, describe, expect, it } from "vitest";
import { limitState } from "@/lib/rate-limit";
import { enterPin } from "@/lib/pin-letters/enter-pin";
import { registerWithMail } from "@/lib/pin-letters/register-with-mail";
import { requestNewPinLetter } from "@/lib/pin-letters/request-letter";
import { seedDemo } from "@/tests/factories/demo-data";
import { birchwoodByMail, lettersOf, mailGrantOf, pinOfNewestLetter, wrongPin } from "@/tests/factories/mail-registration";
import { buildRequestContext } from "@/tests/factories/request-context";
import { auditEventsFor, delegatesOfTaxId, findUserByEmail } from "@/tests/support/queries";

const DAY = 24 * 60 * 60 * 1000;
const BIRCHWOOD = "415678901";

beforeAll(() => seedDemo());

/** Registers a Birchwood person by mail at `now`; Riverbend's second Tax ID keeps tests apart from Birchwood's delegate. */
async function registered(now: Date, taxId = "41-3456790") {
  const registration = birchwoodByMail({ taxId, npi: "" });
  expect(await registerWithMail(registration, buildRequestContext(), now)).toEqual({ ok: true });
  const user = await findUserByEmail(registration.email);
  const grant = await mailGrantOf(user!.id, taxId.replace("-", ""));
  return { userId: user!.id, grantId: grant.id, pin: await pinOfNewestLetter(user!.id) };
}

describe("enterPin", () => {
  it("activates the grant and makes the registrant Birchwood Clinic's delegate, ignoring case, spaces and dashes", async () => {
    const { userId, grantId, pin } = await registered(new Date(), "41-5678901");
    const context = buildRequestContext();
    const typed = ` ${pin.slice(0, 4).toLowerCase()} - ${pin.slice(4)} `;
    expect(await enterPin(userId, grantId, typed, context)).toEqual({ ok: true, taxId: BIRCHWOOD, role: "delegate" });

    const grant = await mailGrantOf(userId, BIRCHWOOD);
    expect(grant).toMatchObject({ status: "active", expiresAt: null });
    expect(grant.evidence).toMatch(/^PIN letter dated [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    expect(await delegatesOfTaxId(BIRCHWOOD)).toEqual([userId]);
    const [letter] = await lettersOf(userId);
    expect(letter).toMatchObject({ status: "redeemed", pinCiphertext: null, failedAttempts: 0 });
    expect((await auditEventsFor(context.requestId)).map((event) => [event.action, event.outcome])).toEqual([
      ["verification.pin", "success"],
      ["access.granted", "success"],
    ]);

    // Single use: the grant is no longer pending.
    expect(await enterPin(userId, grantId, pin, buildRequestContext())).toEqual({ ok: false, code: "no_letter" });
  });

  it("accepts the PIN until 30 days after the letter date, then refuses it as expired", async () => {
    const letterDate = new Date("2026-01-10T12:00:00Z");
    const late = await registered(letterDate);
    expect(await enterPin(late.userId, late.grantId, late.pin, buildRequestContext(), new Date(letterDate.getTime() + 30 * DAY + 1000))).toEqual({ ok: false, code: "expired" });
    expect((await lettersOf(late.userId))[0]).toMatchObject({ status: "expired", pinCiphertext: null });

    const onTime = await registered(letterDate);
    expect(await enterPin(onTime.userId, onTime.grantId, onTime.pin, buildRequestContext(), new Date(letterDate.getTime() + 30 * DAY - 1000))).toMatchObject({ ok: true });
  });

  it("counts wrong PINs down and voids the letter at the 5th; the right PIN is refused afterwards", async () => {
    const { userId, grantId, pin } = await registered(new Date());
    const context = buildRequestContext();
    for (const triesLeft of [4, 3, 2, 1]) {
      expect(await enterPin(userId, grantId, wrongPin(pin), context)).toEqual({ ok: false, code: "wrong_pin", triesLeft });
    }
    expect(await enterPin(userId, grantId, wrongPin(pin), context)).toEqual({ ok: false, code: "voided" });
    expect((await lettersOf(userId))[0]).toMatchObject({ status: "voided", voidedReason: "too_many_attempts", failedAttempts: 5, pinCiphertext: null });
    expect(await enterPin(userId, grantId, pin, context)).toEqual({ ok: false, code: "voided" });
    expect((await mailGrantOf(userId, "413456790")).status).toBe("pending");
    const actions = (await auditEventsFor(context.requestId)).map((event) => `${event.action}:${event.outcome}`);
    expect(actions.filter((action) => action === "verification.pin:failure")).toHaveLength(5);
    expect(actions).toContain("pin_letter.voided:success");
  });

  it("counts exactly 5 of 20 parallel wrong guesses", async () => {
    const { userId, grantId, pin } = await registered(new Date());
    const results = await Promise.all(Array.from({ length: 20 }, () => enterPin(userId, grantId, wrongPin(pin), buildRequestContext())));
    expect(results.filter((result) => !result.ok && result.code === "wrong_pin")).toHaveLength(4);
    expect(results.filter((result) => !result.ok && result.code === "voided")).toHaveLength(16);
    expect((await lettersOf(userId))[0]).toMatchObject({ status: "voided", failedAttempts: 5 });
    expect((await limitState("pinEntryByUser", userId)).failures).toBe(5);
  });

  it("allows 3 letters per Tax ID and person in 30 days; a new letter voids the previous one", async () => {
    const start = new Date("2026-02-01T12:00:00Z");
    const { userId, grantId, pin } = await registered(start);
    const second = await requestNewPinLetter(userId, grantId, buildRequestContext(), new Date(start.getTime() + DAY));
    expect(second).toMatchObject({ ok: true, grantId });
    const letters = await lettersOf(userId);
    expect(letters.map((letter) => letter.status)).toEqual(["queued", "voided"]);
    expect(letters[1]!.voidedReason).toBe("replaced");
    // The old PIN stopped working (it is checked against the new letter); the grant waits for the new letter.
    expect(await enterPin(userId, grantId, pin, buildRequestContext(), new Date(start.getTime() + DAY))).toEqual({ ok: false, code: "wrong_pin", triesLeft: 4 });
    expect((await mailGrantOf(userId, "413456790")).expiresAt).toEqual(new Date(start.getTime() + 31 * DAY));

    expect(await requestNewPinLetter(userId, grantId, buildRequestContext(), new Date(start.getTime() + 2 * DAY))).toMatchObject({ ok: true });
    expect(await requestNewPinLetter(userId, grantId, buildRequestContext(), new Date(start.getTime() + 3 * DAY))).toEqual({ ok: false, code: "limit_reached" });
    // 30 days after the first letter, one more is allowed.
    expect(await requestNewPinLetter(userId, grantId, buildRequestContext(), new Date(start.getTime() + 30 * DAY + 1000))).toMatchObject({ ok: true });
    expect(await lettersOf(userId)).toHaveLength(4);
  });

  it("keeps the account's wrong-PIN count across letters, and then refuses even the right PIN", async () => {
    const { userId, grantId, pin } = await registered(new Date());
    for (let index = 0; index < 5; index += 1) await enterPin(userId, grantId, wrongPin(pin), buildRequestContext());
    expect(await requestNewPinLetter(userId, grantId, buildRequestContext())).toMatchObject({ ok: true });
    const secondPin = await pinOfNewestLetter(userId);
    for (let index = 0; index < 5; index += 1) await enterPin(userId, grantId, wrongPin(secondPin), buildRequestContext());
    expect(await requestNewPinLetter(userId, grantId, buildRequestContext())).toMatchObject({ ok: true });
    expect((await limitState("pinEntryByUser", userId)).failures).toBe(10);

    const thirdPin = await pinOfNewestLetter(userId);
    expect(await enterPin(userId, grantId, wrongPin(thirdPin), buildRequestContext())).toEqual({ ok: false, code: "wrong_pin", triesLeft: 4 });
    expect(await enterPin(userId, grantId, wrongPin(thirdPin), buildRequestContext())).toEqual({ ok: false, code: "wrong_pin", triesLeft: 3 });
    expect(await enterPin(userId, grantId, thirdPin, buildRequestContext())).toEqual({ ok: false, code: "account_locked" });
    expect((await lettersOf(userId))[0]).toMatchObject({ status: "queued" });
  });
});
