import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accessGrants, organizations } from "@/db/schema";
import { addAccessWithProof } from "@/lib/access/add-access";
import { limitState } from "@/lib/rate-limit";
import { verificationPauseMessage } from "@/lib/registration/verification-limits";
import { confirmedAccount, northsideByCheckNpi, prairieByNotice, riverbendSecondByCheck } from "@/tests/factories/add-access";
import { seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { auditEventsFor, countRows } from "@/tests/support/queries";

beforeAll(() => seedDemo());

describe("addAccessWithProof refusals", () => {
  it("refuses a wrong check number or vendor number, counts the attempt and audits the reason", async () => {
    const person = await confirmedAccount();
    const context = buildRequestContext();
    const before = await limitState("verificationByTaxId", "413456790");

    expect(await addAccessWithProof(person.userId, riverbendSecondByCheck({ checkNumber: "7001999" }), context)).toEqual({ ok: false, code: "not_verified" });
    expect(await addAccessWithProof(person.userId, riverbendSecondByCheck({ vendorNumber: "100455" }), context)).toEqual({ ok: false, code: "not_verified" });

    expect((await limitState("verificationByTaxId", "413456790")).failures).toBe(before.failures + 2);
    expect((await limitState("verificationByClient", context.clientAddress!)).failures).toBe(2);
    const events = await auditEventsFor(context.requestId);
    expect(events.map((event) => [event.action, event.outcome, event.reason, event.actorUserId])).toEqual([
      ["verification.check", "failure", "no_such_check", person.userId],
      ["verification.check", "failure", "vendor_mismatch", person.userId],
    ]);
    expect(JSON.stringify(events)).not.toContain("7001999");
    expect(await countRows(accessGrants, eq(accessGrants.userId, person.userId))).toBe(0);
    expect(await countRows(organizations, eq(organizations.taxId, "413456790"))).toBe(0);
  });

  it("refuses a notice for another NPI, and one checked against a check's NPI", async () => {
    const person = await confirmedAccount();
    const context = buildRequestContext();

    expect(await addAccessWithProof(person.userId, prairieByNotice({ noticeNpi: "1450239870" }), context)).toEqual({ ok: false, code: "not_verified" });
    expect(await addAccessWithProof(person.userId, northsideByCheckNpi({ npi: "1234567893" }), context)).toEqual({ ok: false, code: "not_verified" });

    const events = await auditEventsFor(context.requestId);
    expect(events.map((event) => [event.action, event.reason])).toEqual([
      ["verification.notice", "npi_mismatch"],
      ["verification.check", "npi_mismatch"],
    ]);
  });

  it("after 5 failures for a Tax ID from one address, refuses even the right check from there (and audits it), not from elsewhere", async () => {
    const person = await confirmedAccount();
    const clientAddress = "198.51.100.42";
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const result = await addAccessWithProof(person.userId, northsideByCheckNpi({ checkNumber: String(7100000 + attempt) }), buildRequestContext({ clientAddress }));
      expect(result, `attempt ${attempt + 1}`).toEqual({ ok: false, code: "not_verified" });
    }

    const context = buildRequestContext({ clientAddress });
    const result = await addAccessWithProof(person.userId, northsideByCheckNpi(), context);
    expect(result).toMatchObject({ ok: false, code: "rate_limited", scope: "client" });
    if (result.ok || result.code !== "rate_limited") throw new Error("expected rate_limited");
    expect(result.retryAfterSeconds).toBeGreaterThan(0);
    expect((await auditEventsFor(context.requestId)).map((event) => [event.action, event.outcome, event.taxId])).toEqual([["verification.check", "rate_limited", "412345678"]]);
    expect(await countRows(accessGrants, eq(accessGrants.userId, person.userId))).toBe(0);
    expect(verificationPauseMessage(result.scope, result.retryAfterSeconds)).not.toMatch(/organization|this Tax ID/);

    expect(await addAccessWithProof(person.userId, northsideByCheckNpi(), buildRequestContext())).toMatchObject({ ok: true });
  });

  it("after 10 failures from one client address, refuses that address for any Tax ID", async () => {
    const person = await confirmedAccount();
    const clientAddress = "198.51.100.41";
    for (let attempt = 0; attempt < 10; attempt += 1) {
      // Wrong Tax IDs for Prairie's notice, spread so that no single Tax ID reaches its own limit.
      const taxId = ["41-5678901", "41-1234567"][attempt % 2];
      await addAccessWithProof(person.userId, prairieByNotice({ taxId }), buildRequestContext({ clientAddress }));
    }
    expect(await addAccessWithProof(person.userId, prairieByNotice(), buildRequestContext({ clientAddress }))).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await addAccessWithProof(person.userId, prairieByNotice(), buildRequestContext())).toMatchObject({ ok: true, role: "delegate" });
  });
});
