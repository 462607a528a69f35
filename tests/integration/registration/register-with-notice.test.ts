import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { upsertReferenceRecords } from "@/db/queries/reference";
import { accessGrants } from "@/db/schema";
import { registerWithNotice } from "@/lib/registration/register-with-notice";
import { seedDemo } from "@/tests/factories/demo-data";
import { prairieByNotice } from "@/tests/factories/notice-registration";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { auditEventsFor, delegatesOfTaxId, findUserByEmail } from "@/tests/support/queries";

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

beforeAll(async () => {
  await seedDemo();
  // A second Prairie notice, too old to prove anything today.
  await upsertReferenceRecords(db, { taxIds: [], npis: [], checks: [], notices: [{ noticeNumber: "NP4300999", taxId: "414567890", npi: "1823456706", noticeDate: daysAgo(400) }] });
});

describe("registerWithNotice: which numbers match", () => {
  it.each([
    ["digits alone that would match", "4400123"],
    ["digits alone with spaces", " 440 0123 "],
  ])("refuses %s with missing_np_prefix, audited as a failure", async (_label, noticeNumber) => {
    const context = buildRequestContext();
    const registration = prairieByNotice({ noticeNumber });
    expect(await registerWithNotice(registration, context)).toEqual({ ok: false, code: "missing_np_prefix" });
    expect(await findUserByEmail(registration.email)).toBeNull();
    const events = await auditEventsFor(context.requestId);
    expect(events.map((event) => [event.action, event.outcome, event.reason])).toEqual([["verification.notice", "failure", "missing_np_prefix"]]);
  });

  it.each([
    ["digits alone that match no notice", { noticeNumber: "4400124" }, "no_such_notice"],
    ["digits alone of a notice for another NPI", { noticeNumber: "4400123", npi: "1234567893" }, "npi_mismatch"],
    ["digits alone of a notice for another Tax ID", { noticeNumber: "4400123", taxId: "41-1234567" }, "tax_id_mismatch"],
    ["the right number with the wrong NPI", { npi: "1234567893" }, "npi_mismatch"],
    ["the right number with the wrong Tax ID", { taxId: "41-5678901" }, "tax_id_mismatch"],
    ["a notice older than 12 months", { noticeNumber: "NP4300999" }, "too_old"],
    ["an unknown NP number", { noticeNumber: "NP9999999" }, "no_such_notice"],
  ])("refuses %s with the generic not_verified", async (_label, overrides, reason) => {
    const context = buildRequestContext();
    expect(await registerWithNotice(prairieByNotice(overrides), context)).toEqual({ ok: false, code: "not_verified" });
    const events = await auditEventsFor(context.requestId);
    expect(events.map((event) => [event.action, event.outcome, event.reason])).toEqual([["verification.notice", "failure", reason]]);
  });

  it("refuses the digits-alone hint once the notice is older than 12 months (the clock moved on)", async () => {
    const thirteenMonthsOn = new Date(Date.now() + 395 * 24 * 60 * 60 * 1000);
    expect(await registerWithNotice(prairieByNotice({ noticeNumber: "4400123" }), buildRequestContext(), thirteenMonthsOn)).toEqual({ ok: false, code: "not_verified" });
  });

  it("registers Prairie Health Partners' first person as its delegate with 'np-4400 123' (case, spaces and dashes don't matter)", async () => {
    const registration = prairieByNotice({ noticeNumber: "np-4400 123" });
    const context = buildRequestContext();
    expect(await registerWithNotice(registration, context)).toEqual({ ok: true });

    const user = await findUserByEmail(registration.email);
    expect(user).toMatchObject({ emailVerifiedAt: null, firstName: "Morgan" });
    expect(await delegatesOfTaxId("414567890")).toEqual([user!.id]);
    const grants = await db.select().from(accessGrants).where(eq(accessGrants.userId, user!.id));
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ taxId: "414567890", method: "nonpayment_notice", status: "active", evidence: "Non-payment notice ending 0123" });
    expect(await emailsTo(registration.email, "verify-email")).toHaveLength(1);

    const events = await auditEventsFor(context.requestId);
    expect(events.map((event) => [event.action, event.outcome])).toEqual([
      ["verification.notice", "success"],
      ["registration.created", "success"],
      ["access.granted", "success"],
    ]);
    expect(events[0]).toMatchObject({ details: { method: "nonpayment_notice" } });
    for (const event of events) expect(JSON.stringify(event)).not.toContain("4400123");
  });

  it("counts failures like the check does: the 6th attempt for a Tax ID from one address is rate limited, even with the right number", async () => {
    const clientAddress = "198.51.100.88";
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await registerWithNotice(prairieByNotice({ taxId: "41-5678901", noticeNumber: `NP55${attempt}0000` }), buildRequestContext({ clientAddress }));
    }
    const context = buildRequestContext({ clientAddress });
    const result = await registerWithNotice(prairieByNotice({ taxId: "41-5678901" }), context);
    expect(result).toMatchObject({ ok: false, code: "rate_limited", scope: "client" });
    const events = await auditEventsFor(context.requestId);
    expect(events.map((event) => [event.action, event.outcome])).toEqual([["verification.notice", "rate_limited"]]);
  });
});
