import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { caseEvents, cases } from "@/db/schema";
import { listMyCases } from "@/lib/cases/contact-us-cases";
import { ContactUsSchema } from "@/lib/cases/contact-us-schema";
import { sendContactUs } from "@/lib/cases/contact-us";
import { confirmedAccount } from "@/tests/factories/add-access";
import { seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { auditEventsFor, countRows } from "@/tests/support/queries";

beforeAll(() => seedDemo());

let sequence = 0;
const contactUs = (overrides: Record<string, string> = {}) =>
  ContactUsSchema.parse({
    topic: "pin-letter",
    taxId: "41-5678901",
    npi: "",
    message: "We registered by US Mail three weeks ago and the PIN letter hasn't arrived.",
    name: "Robin Diaz",
    email: `robin.${Date.now()}.${sequence++}@birchwood.example`,
    phone: "612-555-0177",
    submissionId: randomUUID(),
    ...overrides,
  });

describe("Contact us", () => {
  it("opens a contact_us case with the topic in its details, acknowledges it by email and audits it", async () => {
    const request = contactUs({ npi: "1908765435" });
    const context = buildRequestContext();

    const result = await sendContactUs(request, context, null);

    if (!result.ok) throw new Error("expected ok");
    const [opened] = await db.select().from(cases).where(eq(cases.number, result.caseNumber));
    expect(opened).toMatchObject({
      type: "contact_us",
      status: "open",
      taxId: "415678901",
      npi: "1908765435",
      requesterUserId: null,
      contactName: "Robin Diaz",
      contactEmail: request.email,
      contactPhone: "6125550177",
      submissionId: request.submissionId,
    });
    expect(opened!.details).toEqual({
      topic: "pin_letter_missing",
      topicLabel: "My PIN letter did not arrive",
      taxId: "41-5678901",
      npi: "1908765435",
      message: "We registered by US Mail three weeks ago and the PIN letter hasn't arrived.",
    });
    expect(await countRows(caseEvents, eq(caseEvents.caseId, opened!.id))).toBe(1);

    const acks = await emailsTo(request.email, "case-received");
    expect(acks).toHaveLength(1);
    expect(acks[0]!.subject).toContain(`C-${result.caseNumber}`);
    expect(acks[0]!.text).toContain("My PIN letter did not arrive");
    expect(acks[0]!.text).toContain("Tax ID 41-5678901, NPI 1908765435");

    const events = await auditEventsFor(context.requestId);
    expect(events.map((event) => [event.action, event.outcome, event.actorLabel])).toEqual([["case.opened", "success", request.email]]);
  });

  it("needs a Tax ID for every topic but \u201csomething else\u201d, and reports every field's problem at once", () => {
    const blank = { taxId: "", npi: "", message: "Hello", name: "Robin Diaz", email: "robin@birchwood.example", phone: "", submissionId: randomUUID() };
    for (const topic of ["add-tax-id", "pin-letter", "delegate-left"]) {
      const parsed = ContactUsSchema.safeParse({ ...blank, topic });
      expect(parsed.success, topic).toBe(false);
      expect(parsed.error!.issues.map((issue) => issue.path[0])).toEqual(["taxId"]);
    }
    expect(ContactUsSchema.parse({ ...blank, topic: "other" })).toMatchObject({ taxId: undefined, npi: undefined, phone: undefined });

    const parsed = ContactUsSchema.safeParse({ topic: "", taxId: "12", npi: "1234567890", message: " ", name: "", email: "nope", phone: "555", submissionId: "x" });
    expect(new Set(parsed.error!.issues.map((issue) => issue.path[0]))).toEqual(new Set(["topic", "taxId", "npi", "message", "name", "email", "phone", "submissionId"]));
  });

  it("opens one case and sends one acknowledgement when the form is sent twice, at once or one after the other", async () => {
    const request = contactUs();
    const [a, b] = await Promise.all([sendContactUs(request, buildRequestContext(), null), sendContactUs(request, buildRequestContext(), null)]);
    const again = await sendContactUs(request, buildRequestContext(), null);

    expect(a).toEqual(b);
    expect(again).toEqual(a);
    expect(await countRows(cases, eq(cases.submissionId, request.submissionId))).toBe(1);
    expect(await emailsTo(request.email, "case-received")).toHaveLength(1);
  });

  it("lists a signed-in person's own cases only, newest first, with their status", async () => {
    const pat = await confirmedAccount({ firstName: "Pat", lastName: "Quinn" });
    const other = await confirmedAccount({ firstName: "Sam", lastName: "Other" });
    const first = await sendContactUs(contactUs({ topic: "add-tax-id", email: pat.email }), buildRequestContext(), pat.userId, new Date("2026-03-01T15:00:00Z"));
    const second = await sendContactUs(contactUs({ topic: "other", taxId: "", email: pat.email }), buildRequestContext(), pat.userId, new Date("2026-03-05T15:00:00Z"));
    await sendContactUs(contactUs({ topic: "delegate-left" }), buildRequestContext(), other.userId);
    // A visitor who gives Pat's email address is not Pat: the case is not listed as theirs.
    await sendContactUs(contactUs({ email: pat.email }), buildRequestContext(), null);
    if (!first.ok || !second.ok) throw new Error("expected ok");
    await db.update(cases).set({ status: "in_progress" }).where(eq(cases.number, first.caseNumber));

    expect(await listMyCases(pat.userId)).toEqual([
      { caseNumber: `C-${second.caseNumber}`, topic: "Something else", taxId: null, openedOn: new Date("2026-03-05T15:00:00Z"), status: "Open" },
      { caseNumber: `C-${first.caseNumber}`, topic: "Add a Tax ID without a check", taxId: "41-5678901", openedOn: new Date("2026-03-01T15:00:00Z"), status: "In progress" },
    ]);
    expect((await listMyCases(other.userId)).map((item) => item.topic)).toEqual(["My delegate left"]);
  });

  it("limits visitors to 10 cases an hour per client address, counted atomically under parallel requests", async () => {
    const clientAddress = "203.0.113.77";
    const results = await Promise.all(Array.from({ length: 12 }, () => sendContactUs(contactUs(), buildRequestContext({ clientAddress }), null)));
    expect(results.filter((result) => result.ok)).toHaveLength(10);
    expect(results.filter((result) => !result.ok)).toEqual([expect.objectContaining({ code: "rate_limited" }), expect.objectContaining({ code: "rate_limited" })]);

    const refused = buildRequestContext({ clientAddress });
    const request = contactUs();
    expect(await sendContactUs(request, refused, null)).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await countRows(cases, eq(cases.submissionId, request.submissionId))).toBe(0);
    expect(await emailsTo(request.email)).toHaveLength(0);
    expect((await auditEventsFor(refused.requestId)).map((event) => [event.action, event.outcome])).toEqual([["case.opened", "rate_limited"]]);
    // Another address is not affected.
    expect(await sendContactUs(contactUs(), buildRequestContext(), null)).toMatchObject({ ok: true });
  });

  it("limits a signed-in account to 10 cases an hour whatever its address, without using up its address's allowance", async () => {
    const person = await confirmedAccount();
    const clientAddress = "203.0.113.88";
    const results = await Promise.all(Array.from({ length: 12 }, () => sendContactUs(contactUs({ email: person.email }), buildRequestContext(), person.userId)));
    expect(results.filter((result) => result.ok)).toHaveLength(10);
    expect(results.filter((result) => !result.ok)).toHaveLength(2);
    expect(await countRows(cases, eq(cases.requesterUserId, person.userId))).toBe(10);

    expect(await sendContactUs(contactUs(), buildRequestContext({ clientAddress }), person.userId)).toMatchObject({ ok: false, code: "rate_limited" });
    // A visitor at that address still can.
    expect(await sendContactUs(contactUs(), buildRequestContext({ clientAddress }), null)).toMatchObject({ ok: true });
  });
});
