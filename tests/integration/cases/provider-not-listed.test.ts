import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { caseEvents, cases } from "@/db/schema";
import { NotListedSchema } from "@/lib/cases/not-listed-schema";
import { reportProviderNotListed } from "@/lib/cases/report-provider-not-listed";
import { seedDemo } from "@/tests/factories/demo-data";
import { mapleGrove, mapleGroveInput } from "@/tests/factories/not-listed";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { auditEventsFor, countRows } from "@/tests/support/queries";

beforeAll(() => seedDemo());

describe("My provider is not listed", () => {
  it("opens a provider_not_listed case with the form as details, acknowledges it by email and audits it", async () => {
    const request = mapleGrove();
    const context = buildRequestContext();
    const result = await reportProviderNotListed(request, context);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) throw new Error("expected ok");

    const [opened] = await db.select().from(cases).where(eq(cases.number, result.caseNumber));
    expect(opened).toMatchObject({
      type: "provider_not_listed",
      status: "open",
      taxId: "417654321",
      npi: null,
      contactName: "Jamie Fox",
      contactEmail: request.email,
      contactPhone: "7635550111",
      submissionId: request.submissionId,
    });
    expect(opened!.details).toEqual({
      organizationName: "Maple Grove Family Medicine",
      taxId: "41-7654321",
      npi: null,
      addressLine1: "700 Maple Ave",
      addressLine2: "Suite 200",
      city: "Maple Grove",
      state: "MN",
      postalCode: "55369",
      practicePhone: "(763) 555-0100",
      message: "We opened in March and bill under this Tax ID.",
    });
    expect(await countRows(caseEvents, eq(caseEvents.caseId, opened!.id))).toBe(1);

    const emails = await emailsTo(request.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ template: "case-received", subject: `We received your request (case C-${result.caseNumber}) | HealthPartners Provider Portal` });
    expect(emails[0]!.text).toContain(`C-${result.caseNumber}`);
    expect(emails[0]!.text).toContain("Maple Grove Family Medicine (Tax ID 41-7654321)");

    const events = await auditEventsFor(context.requestId);
    expect(events.map((event) => [event.action, event.outcome, event.actorLabel])).toEqual([["case.opened", "success", request.email]]);
  });

  it("opens one case and sends one email when the form is submitted twice, one after the other or at once", async () => {
    const request = mapleGrove();
    const first = await reportProviderNotListed(request, buildRequestContext());
    const again = await reportProviderNotListed(request, buildRequestContext());
    expect(again).toEqual(first);

    const twice = mapleGrove();
    const [a, b] = await Promise.all([reportProviderNotListed(twice, buildRequestContext()), reportProviderNotListed(twice, buildRequestContext())]);
    expect(a).toEqual(b);
    for (const sent of [request, twice]) {
      expect(await countRows(cases, eq(cases.submissionId, sent.submissionId))).toBe(1);
      expect(await emailsTo(sent.email, "case-received")).toHaveLength(1);
    }
  });

  it("keeps the NPI when given and refuses bad values field by field", async () => {
    const result = await reportProviderNotListed(mapleGrove({ npi: "1908765435", addressLine2: "" }), buildRequestContext());
    if (!result.ok) throw new Error("expected ok");
    const [opened] = await db.select().from(cases).where(eq(cases.number, result.caseNumber));
    expect(opened).toMatchObject({ npi: "1908765435" });
    expect(opened!.details).toMatchObject({ npi: "1908765435", addressLine2: null });

    const parsed = NotListedSchema.safeParse(mapleGroveInput({ taxId: "12", npi: "123", state: "ZZ", postalCode: "5540", practicePhone: "555", message: " ", organizationName: "" }));
    expect(parsed.success).toBe(false);
    const fields = new Set(parsed.error!.issues.map((issue) => issue.path[0]));
    expect(fields).toEqual(new Set(["taxId", "npi", "state", "postalCode", "practicePhone", "message", "organizationName"]));
  });

  it("limits cases from one client address to 10 an hour, counted atomically", async () => {
    const clientAddress = "203.0.113.9";
    const results = await Promise.all(Array.from({ length: 12 }, () => reportProviderNotListed(mapleGrove(), buildRequestContext({ clientAddress }))));
    expect(results.filter((result) => result.ok)).toHaveLength(10);
    expect(results.filter((result) => !result.ok)).toEqual([expect.objectContaining({ code: "rate_limited" }), expect.objectContaining({ code: "rate_limited" })]);
    // Another address is not affected.
    expect(await reportProviderNotListed(mapleGrove(), buildRequestContext())).toMatchObject({ ok: true });
  });
});
