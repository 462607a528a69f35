import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accessGrants, organizationMembers } from "@/db/schema";
import { addAccessWithProof } from "@/lib/access/add-access";
import { lakesideByVendor, riverbendByNpi } from "@/tests/factories/check-registration";
import { registerAccount } from "@/tests/factories/accounts";
import { confirmedAccount, northsideByCheckNpi, prairieByNotice, riverbendSecondByCheck } from "@/tests/factories/add-access";
import { demoDelegate, seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { auditEventsFor, countRows, delegatesOfTaxId } from "@/tests/support/queries";

beforeAll(() => seedDemo());

async function liveGrants(userId: string) {
  return db.select().from(accessGrants).where(eq(accessGrants.userId, userId));
}

describe("addAccessWithProof", () => {
  it("with a check for a Tax ID nobody registered: access at once, and the person becomes its delegate", async () => {
    const person = await registerAccount(lakesideByVendor());
    const context = buildRequestContext();

    const result = await addAccessWithProof(person.userId, riverbendSecondByCheck(), context);

    expect(result).toEqual({ ok: true, taxId: "413456790", organizationName: "Riverbend Orthopedics", role: "delegate" });
    expect(await delegatesOfTaxId("413456790")).toEqual([person.userId]);
    const grant = (await liveGrants(person.userId)).find((row) => row.taxId === "413456790");
    expect(grant).toMatchObject({ status: "active", method: "check", allNpis: true, evidence: "Check ending 1004" });
    const events = await auditEventsFor(context.requestId);
    expect(events.map((event) => [event.action, event.outcome])).toEqual([
      ["verification.check", "success"],
      ["access.granted", "success"],
    ]);
    expect(events[1]).toMatchObject({ actorUserId: person.userId, subjectUserId: person.userId, taxId: "413456790", details: { role: "delegate", method: "check" } });
  });

  it("with a check for a Tax ID that has a delegate: the person becomes a user and the delegate is emailed", async () => {
    const person = await confirmedAccount({ firstName: "Robin", lastName: "Keyes" });
    const pat = await demoDelegate();
    const before = (await emailsTo(pat.email, "access-added")).length;

    const result = await addAccessWithProof(person.userId, northsideByCheckNpi(), buildRequestContext());

    expect(result).toMatchObject({ ok: true, taxId: "412345678", organizationName: "Northside Pediatrics", role: "user" });
    expect(await delegatesOfTaxId("412345678")).toEqual([pat.id]);
    const [membership] = await db
      .select({ role: organizationMembers.role })
      .from(organizationMembers)
      .where(and(eq(organizationMembers.userId, person.userId), eq(organizationMembers.status, "active"), eq(organizationMembers.role, "user")));
    expect(membership).toEqual({ role: "user" });

    const emails = await emailsTo(pat.email, "access-added");
    expect(emails).toHaveLength(before + 1);
    const email = emails.at(-1)!;
    expect(email.subject).toBe("Robin Keyes added Tax ID 41-2345678 to their account | HealthPartners Provider Portal");
    expect(email.text).toContain("using a check");
    expect(email.text).toContain("If you don't know them");
    expect(email.html).toContain("http://portal.test/access");
    expect(await emailsTo(person.email, "access-added")).toHaveLength(0);
  });

  it("with a non-payment notice (Tax ID, NPI and the number with its NP)", async () => {
    const person = await registerAccount(riverbendByNpi());
    const context = buildRequestContext();

    expect(await addAccessWithProof(person.userId, prairieByNotice(), context)).toMatchObject({ ok: true, taxId: "414567890", role: "delegate" });

    const grant = (await liveGrants(person.userId)).find((row) => row.taxId === "414567890");
    expect(grant).toMatchObject({ status: "active", method: "nonpayment_notice", evidence: "Non-payment notice ending 0123" });
    expect((await auditEventsFor(context.requestId, "verification.notice")).map((event) => event.outcome)).toEqual(["success"]);
  });

  it("asks for the NP when the digits alone would match, and adds nothing", async () => {
    const person = await confirmedAccount();
    const context = buildRequestContext();

    expect(await addAccessWithProof(person.userId, prairieByNotice({ noticeNumber: "4400123" }), context)).toEqual({ ok: false, code: "missing_np_prefix" });

    expect(await liveGrants(person.userId)).toEqual([]);
    const events = await auditEventsFor(context.requestId);
    expect(events.map((event) => [event.action, event.outcome, event.reason])).toEqual([["verification.notice", "failure", "missing_np_prefix"]]);
  });

  it("tells a person who already has live access so, without a second grant or a verification attempt", async () => {
    const person = await confirmedAccount();
    expect(await addAccessWithProof(person.userId, northsideByCheckNpi(), buildRequestContext())).toMatchObject({ ok: true });
    const context = buildRequestContext();

    expect(await addAccessWithProof(person.userId, northsideByCheckNpi(), context)).toEqual({ ok: false, code: "already_has_access", taxId: "412345678" });

    expect(await countRows(accessGrants, eq(accessGrants.userId, person.userId))).toBe(1);
    expect(await auditEventsFor(context.requestId)).toEqual([]);
  });

  it("a double submit of the same add gives one grant", async () => {
    const person = await confirmedAccount();
    const input = northsideByCheckNpi();

    const results = await Promise.all([addAccessWithProof(person.userId, input, buildRequestContext()), addAccessWithProof(person.userId, input, buildRequestContext())]);

    expect(results.map((result) => (result.ok ? "added" : result.code)).sort()).toEqual(["added", "already_has_access"]);
    expect(await countRows(accessGrants, and(eq(accessGrants.userId, person.userId), eq(accessGrants.taxId, "412345678")))).toBe(1);
    expect(await countRows(organizationMembers, and(eq(organizationMembers.userId, person.userId), eq(organizationMembers.role, "user")))).toBe(1);
  });
});
