import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { findOrganizationByTaxId } from "@/db/queries/organizations";
import { accessGrants, cases, organizationMembers, sessions, users } from "@/db/schema";
import { startSession } from "@/lib/auth/sessions";
import { loadCaseView } from "@/lib/staff/cases/case-view";
import { deactivateDepartedDelegate } from "@/lib/staff/cases/deactivate-departed-delegate";
import { grantFromNotListedCase } from "@/lib/staff/cases/grant-from-not-listed";
import { registerAccount } from "@/tests/factories/accounts";
import { confirmedAccount } from "@/tests/factories/add-access";
import { northsideByVendor } from "@/tests/factories/check-registration";
import { demoDelegate, seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { auditEventsFor, delegatesOfTaxId } from "@/tests/support/queries";
import { caseRow, demoRepresentative, historyOf, openNotListedCase } from "./helpers";

const NORTHSIDE = "412345678";
const BIRCHWOOD = "415678901";
let riley: { id: string };

beforeAll(async () => {
  await seedDemo();
  riley = await demoRepresentative();
});

const membershipsOf = (userId: string) => db.select().from(organizationMembers).where(eq(organizationMembers.userId, userId));
const grantsOf = (userId: string, taxId: string) => db.select().from(accessGrants).where(and(eq(accessGrants.userId, userId), eq(accessGrants.taxId, taxId)));

describe("granting access from a provider-not-listed case", () => {
  it("makes the requester the delegate of a Tax ID without one, with a representative grant, recorded and audited", async () => {
    const person = await confirmedAccount({ firstName: "Jamie", lastName: "Fox" });
    const number = await openNotListedCase({ taxId: "41-5678901", organizationName: "Birchwood Clinic", email: person.email });
    const view = await loadCaseView(number);
    expect(view?.grant).toMatchObject({ account: { email: person.email }, recordName: "Birchwood Clinic", hasAccess: false, role: "delegate" });

    const context = buildRequestContext();
    expect(await grantFromNotListedCase({ staffUserId: riley.id, caseNumber: number }, context)).toEqual({ ok: true, changed: true });

    expect(await delegatesOfTaxId(BIRCHWOOD)).toEqual([person.userId]);
    expect(await grantsOf(person.userId, BIRCHWOOD)).toMatchObject([{ method: "representative", status: "active", allNpis: true, grantedByUserId: riley.id, evidence: `Checked by a representative (case C-${number})` }]);
    const [granted] = await auditEventsFor(context.requestId, "access.granted");
    expect(granted).toMatchObject({ actorUserId: riley.id, subjectUserId: person.userId, taxId: BIRCHWOOD, details: expect.objectContaining({ role: "delegate", method: "representative" }) });
    const [onCase] = await auditEventsFor(context.requestId, "case.access_granted");
    expect(onCase).toMatchObject({ outcome: "success", actorUserId: riley.id, subjectUserId: person.userId });
    expect((await historyOf(number)).at(-1)).toMatchObject({ kind: "note", actorUserId: riley.id, body: expect.stringContaining("as its delegate") });

    // Twice is refused, and changes nothing.
    expect(await grantFromNotListedCase({ staffUserId: riley.id, caseNumber: number }, buildRequestContext())).toEqual({ ok: false, code: "already_has_access" });
    expect(await grantsOf(person.userId, BIRCHWOOD)).toHaveLength(1);
  });

  it("makes the requester a user of a Tax ID that has a delegate", async () => {
    const person = await confirmedAccount({ firstName: "Sam", lastName: "Lee" });
    const number = await openNotListedCase({ taxId: "41-2345678", organizationName: "Northside Pediatrics", email: person.email });
    expect(await grantFromNotListedCase({ staffUserId: riley.id, caseNumber: number }, buildRequestContext())).toEqual({ ok: true, changed: true });
    const northside = await findOrganizationByTaxId(db, NORTHSIDE);
    expect(await membershipsOf(person.userId)).toMatchObject([{ organizationId: northside!.id, role: "user", status: "active", addedByUserId: riley.id }]);
    expect(await grantsOf(person.userId, NORTHSIDE)).toMatchObject([{ method: "representative", status: "active" }]);
  });

  it("refuses without an account, or when the Tax ID is not in the records, or for another kind of case (and the reverse)", async () => {
    const stranger = await openNotListedCase({ taxId: "41-5678901" });
    expect(await grantFromNotListedCase({ staffUserId: riley.id, caseNumber: stranger }, buildRequestContext())).toEqual({ ok: false, code: "no_account" });

    const person = await confirmedAccount({ firstName: "Alex", lastName: "Kim" });
    const unknownTaxId = await openNotListedCase({ email: person.email });
    expect(await grantFromNotListedCase({ staffUserId: riley.id, caseNumber: unknownTaxId }, buildRequestContext())).toEqual({ ok: false, code: "not_in_records" });
    expect(await membershipsOf(person.userId)).toEqual([]);
    // A not-listed case has no departed delegate to deactivate.
    expect(await deactivateDepartedDelegate({ staffUserId: riley.id, caseNumber: stranger, delegateUserId: person.userId }, buildRequestContext())).toEqual({ ok: false, code: "wrong_type" });
  });
});

describe("a departed-delegate review", () => {
  it("deactivates the old delegate in one step: membership, grants and sessions end, the registrant stays the delegate", async () => {
    const pat = await demoDelegate();
    const chris = await registerAccount(northsideByVendor({ firstName: "Chris", lastName: "Park", departedReason: "left_organization" }));
    const [review] = await db.select().from(cases).where(and(eq(cases.requesterUserId, chris.userId), eq(cases.type, "departed_delegate_review")));
    const patSession = await startSession(db, pat.id, buildRequestContext());

    const view = await loadCaseView(review!.number);
    expect(view?.departed).toMatchObject({ registrantIsDelegate: true, oldDelegates: [{ userId: pat.id, firstName: "Pat" }] });

    expect(await grantFromNotListedCase({ staffUserId: riley.id, caseNumber: review!.number }, buildRequestContext())).toEqual({ ok: false, code: "wrong_type" });
    // The registrant cannot be the one deactivated, and a provider user cannot do it at all.
    expect(await deactivateDepartedDelegate({ staffUserId: riley.id, caseNumber: review!.number, delegateUserId: chris.userId }, buildRequestContext())).toEqual({ ok: false, code: "not_a_delegate" });
    expect(await deactivateDepartedDelegate({ staffUserId: chris.userId, caseNumber: review!.number, delegateUserId: pat.id }, buildRequestContext())).toEqual({ ok: false, code: "not_staff" });

    const context = buildRequestContext();
    expect(await deactivateDepartedDelegate({ staffUserId: riley.id, caseNumber: review!.number, delegateUserId: pat.id }, context)).toEqual({ ok: true, changed: true });

    expect(await delegatesOfTaxId(NORTHSIDE)).toEqual([chris.userId]);
    expect(await membershipsOf(pat.id)).toMatchObject([{ status: "removed", removedByUserId: riley.id, removedReason: "departed" }]);
    expect(await grantsOf(pat.id, NORTHSIDE)).toMatchObject([{ status: "revoked", endedByUserId: riley.id, endedReason: "departed" }]);
    const [patAccount] = await db.select({ status: users.status }).from(users).where(eq(users.id, pat.id));
    expect(patAccount!.status).toBe("deactivated");
    const [ended] = await db.select().from(sessions).where(eq(sessions.id, patSession));
    expect(ended).toMatchObject({ endReason: "deactivated" });
    expect(ended!.endedAt).not.toBeNull();

    for (const action of ["membership.removed", "access.revoked", "account.deactivated", "case.delegate_deactivated"]) {
      const [event] = await auditEventsFor(context.requestId, action);
      expect(event, action).toMatchObject({ outcome: "success", actorUserId: riley.id, subjectUserId: pat.id });
    }
    expect((await historyOf(review!.number)).at(-1)).toMatchObject({ kind: "note", actorUserId: riley.id, body: expect.stringContaining("Chris Park remains the delegate") });
    expect((await caseRow(review!.number)).status).toBe("in_progress");

    // Done once: a second try finds no delegate to deactivate.
    expect(await deactivateDepartedDelegate({ staffUserId: riley.id, caseNumber: review!.number, delegateUserId: pat.id }, buildRequestContext())).toEqual({ ok: false, code: "not_a_delegate" });
  });
});
