import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { cases } from "@/db/schema";
import { ContactRepresentativeSchema } from "@/lib/access/contact-representative-schema";
import { askRepresentativeForAccess } from "@/lib/access/contact-representative";
import { confirmedAccount } from "@/tests/factories/add-access";
import { seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { auditEventsFor, countRows } from "@/tests/support/queries";

beforeAll(() => seedDemo());

const request = (overrides: Record<string, string> = {}) =>
  ContactRepresentativeSchema.parse({ taxId: "41-5678901", npi: "1908765435", message: "I am the new office manager at Birchwood; we have no checks yet.", submissionId: randomUUID(), ...overrides });

describe("askRepresentativeForAccess", () => {
  it("opens a Contact us case with the account's contact details and acknowledges it by email", async () => {
    const person = await confirmedAccount({ firstName: "Casey", lastName: "Ng" });
    const context = buildRequestContext();

    const result = await askRepresentativeForAccess(person.userId, request(), context);

    expect(result).toMatchObject({ ok: true, caseNumber: expect.stringMatching(/^C-\d+$/) });
    const [opened] = await db.select().from(cases).where(eq(cases.requesterUserId, person.userId));
    expect(opened).toMatchObject({
      type: "contact_us",
      status: "open",
      taxId: "415678901",
      npi: "1908765435",
      contactName: "Casey Ng",
      contactEmail: person.email,
      contactPhone: "6125550101",
      details: { topic: "add_tax_id", message: "I am the new office manager at Birchwood; we have no checks yet.", organizationName: "Birchwood Clinic" },
    });
    const acks = await emailsTo(person.email, "case-received");
    expect(acks).toHaveLength(1);
    expect(acks[0]!.subject).toContain(result.ok ? result.caseNumber : "?");
    expect(acks[0]!.text).toContain("41-5678901");
    expect((await auditEventsFor(context.requestId)).map((event) => [event.action, event.outcome])).toEqual([["case.opened", "success"]]);
  });

  it("a double submit opens one case and sends one acknowledgement, answering both with the same number", async () => {
    const person = await confirmedAccount();
    const input = request({ npi: "" });

    const results = await Promise.all([askRepresentativeForAccess(person.userId, input, buildRequestContext()), askRepresentativeForAccess(person.userId, input, buildRequestContext())]);
    const again = await askRepresentativeForAccess(person.userId, input, buildRequestContext());

    expect(results[0]).toEqual(results[1]);
    expect(again).toEqual(results[0]);
    expect(await countRows(cases, eq(cases.requesterUserId, person.userId))).toBe(1);
    expect(await emailsTo(person.email, "case-received")).toHaveLength(1);
  });

  it("reports every field's problem: a Tax ID, an NPI that fails its check digit, an empty message", () => {
    const parsed = ContactRepresentativeSchema.safeParse({ taxId: "", npi: "1234567890", message: " ", submissionId: randomUUID() });
    expect(parsed.success).toBe(false);
    expect(new Set(parsed.error!.issues.map((issue) => issue.path[0]))).toEqual(new Set(["taxId", "npi", "message"]));
  });
});
