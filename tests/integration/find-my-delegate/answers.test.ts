import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { ensureOrganization, insertMembership } from "@/db/queries/organizations";
import { auditEvents, organizationMembers } from "@/db/schema";
import { findMyDelegate, LOOKUP_MINIMUM_MS, type FindMyDelegateAnswer } from "@/lib/delegates/find-my-delegate";
import { FindMyDelegateSchema } from "@/lib/delegates/find-my-delegate-schema";
import { registerAccount } from "@/tests/factories/accounts";
import { lakesideByVendor } from "@/tests/factories/check-registration";
import { demoDelegate, seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { auditEventsFor } from "@/tests/support/queries";

beforeAll(() => seedDemo());

/** A lookup as the page makes it: the form's values through the schema, from a fresh client address. */
async function lookUp(taxId: string, npi = "", context = buildRequestContext()): Promise<FindMyDelegateAnswer> {
  return findMyDelegate(FindMyDelegateSchema.parse({ taxId, npi }), context, { minimumDurationMs: 0 });
}

const NORTHSIDE = { kind: "registered", taxId: "41-2345678", organizationName: "Northside Pediatrics", delegates: [{ name: "P. M.", email: "p•••@northside.example" }] };

describe("Find my delegate: the answers", () => {
  it("names a registered organization and masks its delegate, with nothing of the person in full", async () => {
    const answer = await lookUp("41-2345678");
    expect(answer).toEqual(NORTHSIDE);
    const shown = JSON.stringify(answer);
    for (const secret of ["Pat", "Morgan", "pat.morgan", "6515550142", "651"]) expect(shown).not.toContain(secret);
    // Without the dash, and with the NPI that bills under it, the answer is the same.
    expect(await lookUp("412345678", "1450239870")).toEqual(NORTHSIDE);
  });

  it("says not registered, alike, for a Tax ID in the records with no delegate and for one we have no record of", async () => {
    expect(await lookUp("41-5678901")).toEqual({ kind: "not_registered", taxId: "41-5678901" });
    expect(await lookUp("41-7654321")).toEqual({ kind: "not_registered", taxId: "41-7654321" });
    // An NPI is checked only against a Tax ID in the records.
    expect(await lookUp("41-7654321", "1234567893")).toEqual({ kind: "not_registered", taxId: "41-7654321" });
  });

  it("says an NPI does not match a Tax ID in the records it does not bill under", async () => {
    expect(await lookUp("41-2345678", "1234567893")).toEqual({ kind: "npi_mismatch", taxId: "41-2345678" });
    expect(await lookUp("41-5678901", "1450239870")).toEqual({ kind: "npi_mismatch", taxId: "41-5678901" });
    expect(await lookUp("41-5678901", "1908765435")).toEqual({ kind: "not_registered", taxId: "41-5678901" });
  });

  it("lists every active delegate, oldest first, and leaves out those who were removed", async () => {
    const jordan = await registerAccount(lakesideByVendor({ firstName: "Jordan", lastName: "Lee", email: "jordan.lee@lakeside.example" }));
    const alex = await registerAccount(lakesideByVendor({ firstName: "alex", lastName: "reed", email: "Alex.Reed@Lakeside.Example", departedReason: "left_organization" }));
    const answer = await lookUp("41-1234567");
    expect(answer).toEqual({
      kind: "registered",
      taxId: "41-1234567",
      organizationName: "Lakeside Family Clinic",
      delegates: [
        { name: "J. L.", email: "j•••@lakeside.example" },
        { name: "A. R.", email: "a•••@lakeside.example" },
      ],
    });
    for (const secret of ["Jordan", "Lee", "jordan.lee", "alex", "reed", "Reed", "alex.reed"]) expect(JSON.stringify(answer)).not.toContain(secret);

    await db.update(organizationMembers).set({ status: "removed", removedAt: new Date(), removedReason: "test" }).where(eq(organizationMembers.userId, jordan.userId));
    expect(await lookUp("41-1234567")).toMatchObject({ delegates: [{ name: "A. R." }] });
    await db.update(organizationMembers).set({ status: "removed", removedAt: new Date(), removedReason: "test" }).where(eq(organizationMembers.userId, alex.userId));
    expect(await lookUp("41-1234567")).toEqual({ kind: "not_registered", taxId: "41-1234567" });
  });

  it("answers for a billing organization too (not in the provider records, so an NPI is not checked)", async () => {
    const pat = await demoDelegate();
    const now = new Date();
    const billing = await ensureOrganization(db, { kind: "billing", taxId: "419876543", createdByUserId: pat.id, now, name: "Accurate Billing Services" });
    expect(await lookUp("41-9876543")).toEqual({ kind: "not_registered", taxId: "41-9876543" });
    await insertMembership(db, { organizationId: billing.id, userId: pat.id, role: "delegate", addedByUserId: null, now });
    const expected = { kind: "registered", taxId: "41-9876543", organizationName: "Accurate Billing Services", delegates: [{ name: "P. M.", email: "p•••@northside.example" }] };
    expect(await lookUp("41-9876543")).toEqual(expected);
    expect(await lookUp("41-9876543", "1234567893")).toEqual(expected);
  });

  it("writes one audit row per lookup with the Tax ID and the answer, and nothing of the people", async () => {
    const cases: Array<[string, string, string, string]> = [
      ["41-2345678", "", "success", "registered"],
      ["41-5678901", "", "success", "not_registered"],
      ["41-2345678", "1234567893", "failure", "npi_mismatch"],
    ];
    for (const [taxId, npi, outcome, answer] of cases) {
      const context = buildRequestContext();
      await lookUp(taxId, npi, context);
      const events = await auditEventsFor(context.requestId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: "delegate.lookup", outcome, taxId: taxId.replace("-", ""), clientAddress: context.clientAddress, actorUserId: null, subjectUserId: null });
      expect(events[0]!.details).toMatchObject({ answer, npiGiven: npi !== "" });
      const stored = JSON.stringify(events[0]);
      for (const secret of ["Pat", "Morgan", "pat.morgan", "p•••", "1234567893"]) expect(stored).not.toContain(secret);
    }
    expect((await db.select().from(auditEvents).where(eq(auditEvents.action, "delegate.lookup"))).length).toBeGreaterThanOrEqual(3);
  });

  it("takes the same time, at least the minimum, whether or not the Tax ID is registered or known", async () => {
    const timed = async (taxId: string) => {
      const started = performance.now();
      await findMyDelegate(FindMyDelegateSchema.parse({ taxId }), buildRequestContext());
      return performance.now() - started;
    };
    const durations = { registered: [] as number[], inRecords: [] as number[], unknown: [] as number[] };
    for (let round = 0; round < 3; round += 1) {
      durations.registered.push(await timed("41-2345678"));
      durations.inRecords.push(await timed("41-5678901"));
      durations.unknown.push(await timed("41-7654321"));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[1]!;
    for (const values of Object.values(durations)) for (const value of values) expect(value).toBeGreaterThanOrEqual(LOOKUP_MINIMUM_MS);
    const medians = Object.values(durations).map(median);
    expect(Math.max(...medians) - Math.min(...medians)).toBeLessThan(100);
  });
});
