import { beforeAll, describe, expect, it } from "vitest";
import { recordDetail } from "@/lib/staff/records/record-detail";
import { parseRecordQuery, searchRecords } from "@/lib/staff/records/search-records";
import { registerAccount } from "@/tests/factories/accounts";
import { lakesideByVendor } from "@/tests/factories/check-registration";
import { demoDelegate, seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { auditEventsFor } from "@/tests/support/queries";
import { newBillingOrganization, requestNorthside } from "../billing/helpers";
import { riley } from "./helpers";

beforeAll(() => seedDemo());

describe("what a representative types", () => {
  it("reads nine digits as a Tax ID, ten as an NPI, and anything else as part of a name", () => {
    expect(parseRecordQuery("41-2345678")).toEqual({ kind: "tax_id", value: "412345678" });
    expect(parseRecordQuery(" 412345678 ")).toEqual({ kind: "tax_id", value: "412345678" });
    expect(parseRecordQuery("1450239870")).toEqual({ kind: "npi", value: "1450239870" });
    expect(parseRecordQuery("  north   side ")).toEqual({ kind: "name", value: "north side" });
    expect(parseRecordQuery("n")).toBeNull();
    expect(parseRecordQuery("x".repeat(101))).toBeNull();
  });
});

describe("searching the records", () => {
  it("finds a Tax ID by Tax ID, by NPI and by part of its name, and audits each search with the representative", async () => {
    const staff = await riley();
    for (const [typed, kind] of [
      ["41-2345678", "tax_id"],
      ["1450239870", "npi"],
      ["northside", "name"],
    ] as const) {
      const context = buildRequestContext();
      const found = await searchRecords(staff, typed, context);
      expect(found).toMatchObject({ ok: true, query: { kind }, results: [{ taxId: "412345678", legalName: "Northside Pediatrics", city: "Saint Paul", state: "MN" }] });
      const [event] = await auditEventsFor(context.requestId);
      expect(event).toMatchObject({ action: "records.searched", outcome: "success", actorUserId: staff, details: { kind, results: 1 } });
    }
    // An NPI that bills under two Tax IDs finds both.
    const riverbend = await searchRecords(staff, "1600123453", buildRequestContext());
    expect(riverbend.ok && riverbend.results.map((result) => result.taxId).sort()).toEqual(["413456789", "413456790"]);
    // Wildcards typed are taken literally.
    expect(await searchRecords(staff, "%", buildRequestContext())).toEqual({ ok: false, code: "invalid_query" });
    expect(await searchRecords(staff, "%%", buildRequestContext())).toMatchObject({ ok: true, results: [] });
    expect(await searchRecords(staff, "41-1111111", buildRequestContext())).toMatchObject({ ok: true, results: [] });
  });

  it("shows a Tax ID's record: address, NPIs, delegates and users, open billing requests and its grants' audit trail, newest first", async () => {
    const staff = await riley();
    const lakeside = await registerAccount(lakesideByVendor());
    const billing = await newBillingOrganization();
    await requestNorthside(billing.userId);

    const context = buildRequestContext();
    const northside = await recordDetail(staff, "412345678", context);
    expect(northside.ok).toBe(true);
    if (!northside.ok) return;
    expect(northside.detail.record).toMatchObject({ legalName: "Northside Pediatrics", addressLine1: "200 North Ave", city: "Saint Paul", state: "MN", postalCode: "55101" });
    expect(northside.detail.npis).toEqual([{ npi: "1450239870", type: "organization", name: expect.any(String) }]);
    expect(northside.detail.members).toEqual([expect.objectContaining({ firstName: "Pat", lastName: "Morgan", email: "pat.morgan@northside.example", role: "delegate" })]);
    expect(northside.detail.openRequests).toEqual([expect.objectContaining({ billingTaxId: billing.taxId, contactEmail: "pat.morgan@northside.example" })]);
    expect(await auditEventsFor(context.requestId)).toEqual([expect.objectContaining({ action: "records.viewed", actorUserId: staff, taxId: "412345678" })]);

    const lakesideRecord = await recordDetail(staff, "411234567", buildRequestContext());
    if (!lakesideRecord.ok) throw new Error("Lakeside's record is missing.");
    expect(lakesideRecord.detail.members.map((member) => [member.email, member.role])).toEqual([[lakeside.email.toLowerCase(), "delegate"]]);
    expect(lakesideRecord.detail.grantTrail.length).toBeGreaterThan(0);
    expect(lakesideRecord.detail.grantTrail.every((event) => event.action.startsWith("access."))).toBe(true);
    expect(lakesideRecord.detail.grantTrail[0]).toMatchObject({ action: "access.granted", subjectFirstName: expect.any(String) });
    const times = lakesideRecord.detail.grantTrail.map((event) => event.occurredAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    expect(await recordDetail(staff, "419999999", buildRequestContext())).toEqual({ ok: false, code: "not_found" });
    expect(await recordDetail(staff, "not-a-tax-id", buildRequestContext())).toEqual({ ok: false, code: "not_found" });
  });

  it("is refused to a provider user, and the refusal is audited", async () => {
    const pat = await demoDelegate();
    const context = buildRequestContext();
    expect(await searchRecords(pat.id, "41-2345678", context)).toEqual({ ok: false, code: "forbidden" });
    expect(await recordDetail(pat.id, "412345678", context)).toEqual({ ok: false, code: "forbidden" });
    expect((await auditEventsFor(context.requestId)).map((event) => [event.action, event.outcome, event.actorUserId])).toEqual([
      ["records.searched", "denied", pat.id],
      ["records.viewed", "denied", pat.id],
    ]);
  });
});
