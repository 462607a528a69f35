import { beforeAll, describe, expect, it } from "vitest";
import { printPinLetter } from "@/lib/pin-letters/print-letter";
import { requestPinLetterForTaxId } from "@/lib/pin-letters/request-letter";
import { registerWithMail } from "@/lib/pin-letters/register-with-mail";
import { enterPin } from "@/lib/pin-letters/enter-pin";
import { formatPin } from "@/lib/validation/pin";
import { seedDemo } from "@/tests/factories/demo-data";
import { birchwoodByMail, lettersOf, mailGrantOf, pinOfNewestLetter } from "@/tests/factories/mail-registration";
import { buildRequestContext } from "@/tests/factories/request-context";
import { findUserByEmail } from "@/tests/support/queries";

beforeAll(() => seedDemo());

describe("printing a PIN letter", () => {
  it("renders the PIN once and discards the sealed copy, so the PIN then exists only on paper", async () => {
    const registration = birchwoodByMail({ taxId: "41-1234567", npi: "1234567893", firstName: "Avery", lastName: "Stone" });
    expect(await registerWithMail(registration, buildRequestContext())).toEqual({ ok: true });
    const user = await findUserByEmail(registration.email);
    const pin = await pinOfNewestLetter(user!.id);
    const [letter] = await lettersOf(user!.id);

    const printed = await printPinLetter(letter!.id, null);
    expect(printed).not.toBeNull();
    for (const part of [printed!.html, printed!.text]) {
      expect(part).toContain(formatPin(pin));
      expect(part).toContain("Lakeside Family Clinic");
      expect(part).toContain("100 Lake St");
      expect(part).toContain("Minneapolis, MN 55401");
      expect(part).toContain("Avery Stone");
      expect(part).toContain("http://portal.test/signin");
      expect(part).toContain("1-800-555-0199");
    }
    expect((await lettersOf(user!.id))[0]).toMatchObject({ status: "printed", pinCiphertext: null });
    expect(await printPinLetter(letter!.id, null)).toBeNull();

    // A printed letter's PIN still works.
    const grant = await mailGrantOf(user!.id, "411234567");
    expect(await enterPin(user!.id, grant.id, pin, buildRequestContext())).toMatchObject({ ok: true, role: "delegate" });
  });
});

describe("requestPinLetterForTaxId (an active account adds a Tax ID by mail)", () => {
  it("adds a pending grant and a letter to the address of record, once", async () => {
    const registration = birchwoodByMail({ taxId: "41-4567890", npi: "" });
    expect(await registerWithMail(registration, buildRequestContext())).toEqual({ ok: true });
    const user = await findUserByEmail(registration.email);
    await enterPin(user!.id, (await mailGrantOf(user!.id, "414567890")).id, await pinOfNewestLetter(user!.id), buildRequestContext());

    const added = await requestPinLetterForTaxId(user!.id, { taxId: "413456789", npi: "1600123453" }, buildRequestContext());
    expect(added).toMatchObject({ ok: true });
    expect((await lettersOf(user!.id))[0]).toMatchObject({ taxId: "413456789", status: "queued", address: { name: "Riverbend Orthopedics", addressLine1: "300 River Rd" } });
    expect(await requestPinLetterForTaxId(user!.id, { taxId: "413456789" }, buildRequestContext())).toEqual({ ok: false, code: "already_pending" });
    expect(await requestPinLetterForTaxId(user!.id, { taxId: "414567890" }, buildRequestContext())).toEqual({ ok: false, code: "already_active" });
    expect(await requestPinLetterForTaxId(user!.id, { taxId: "419876543" }, buildRequestContext())).toEqual({ ok: false, code: "not_listed" });
  });
});
