import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { findOrganizationByTaxId } from "@/db/queries/organizations";
import { users } from "@/db/schema";
import { resolveSession, startSession } from "@/lib/auth/sessions";
import { cancelInvitation } from "@/lib/invitations/send-invitation";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { changeMemberAccess, changeMemberRole, handOverDelegateRole } from "@/lib/users/member-changes";
import { usersOverview } from "@/lib/users/list-users";
import { registerAccount } from "@/tests/factories/accounts";
import { lakesideByVendor } from "@/tests/factories/check-registration";
import { demoDelegate, seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { auditEventsFor, delegatesOfTaxId } from "@/tests/support/queries";
import { grantRows, inviteAndJoin, NORTHSIDE_NPI, NORTHSIDE_TAX_ID } from "./helpers";

let pat: { id: string };
let northsideId: string;

beforeAll(async () => {
  await seedDemo();
  pat = await demoDelegate();
  northsideId = (await findOrganizationByTaxId(db, NORTHSIDE_TAX_ID))!.id;
});

describe("managing users", () => {
  it("lists the members of the delegate's organizations with their access", async () => {
    const joined = await inviteAndJoin(pat, northsideId);
    const overview = await usersOverview(pat.id);
    expect(overview.organizations.map((organization) => organization.taxId)).toEqual([NORTHSIDE_TAX_ID]);
    expect(overview.users.find((user) => user.userId === joined.userId)).toMatchObject({ status: "active", memberships: [{ taxId: NORTHSIDE_TAX_ID, kind: "provider", role: "user", access: [{ taxId: NORTHSIDE_TAX_ID, npis: [NORTHSIDE_NPI] }] }] });
  });

  it("changing access keeps history: the old grant ends and a new row is inserted", async () => {
    const { userId } = await inviteAndJoin(pat, northsideId);
    const context = buildRequestContext();
    expect(await changeMemberAccess({ delegateUserId: pat.id, key: northsideId, targetUserId: userId, npis: null }, context)).toEqual({ ok: true, changed: true });
    const rows = await grantRows(userId);
    expect(rows).toMatchObject([
      { status: "revoked", endedReason: "changed", endedByUserId: pat.id, allNpis: false, npis: [NORTHSIDE_NPI] },
      { status: "active", allNpis: true, method: "delegate", grantedByUserId: pat.id },
    ]);
    expect((await auditEventsFor(context.requestId, "access.changed")).length).toBe(1);
    // The same access again changes nothing.
    expect(await changeMemberAccess({ delegateUserId: pat.id, key: northsideId, targetUserId: userId, npis: null }, buildRequestContext())).toEqual({ ok: true, changed: false });
    expect((await grantRows(userId)).length).toBe(2);
  });

  it("deactivation ends the person's sessions at once and deactivates an account left in no organization", async () => {
    const { userId } = await inviteAndJoin(pat, northsideId);
    const sessionId = await startSession(db, userId, buildRequestContext());
    expect(await resolveSession(sessionId, null)).not.toBeNull();
    const context = buildRequestContext();
    expect(await deactivateUser({ delegateUserId: pat.id, targetUserId: userId }, context)).toEqual({ ok: true, accountDeactivated: true });
    expect(await resolveSession(sessionId, null)).toBeNull();
    const [account] = await db.select({ status: users.status }).from(users).where(eq(users.id, userId));
    expect(account?.status).toBe("deactivated");
    expect((await grantRows(userId)).map((row) => row.status)).toEqual(["revoked"]);
    const actions = (await auditEventsFor(context.requestId)).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(["membership.removed", "access.revoked", "account.deactivated", "session.ended"]));
  });

  it("a sole delegate can't be removed or demoted", async () => {
    const { userId } = await inviteAndJoin(pat, northsideId, { role: "delegate" });
    // Two delegates: Pat hands the role on, then the new delegate can't demote themselves or be deactivated by... nobody else.
    expect(await handOverDelegateRole({ delegateUserId: pat.id, organizationId: northsideId, targetUserId: userId }, buildRequestContext())).toEqual({ ok: true, changed: true });
    expect(await delegatesOfTaxId(NORTHSIDE_TAX_ID)).toEqual([userId]);
    expect(await changeMemberRole({ delegateUserId: userId, organizationId: northsideId, targetUserId: userId, role: "user" }, buildRequestContext())).toEqual({ ok: false, code: "last_delegate" });
    expect(await deactivateUser({ delegateUserId: pat.id, targetUserId: userId }, buildRequestContext())).toEqual({ ok: false, code: "not_found" });
    // Give the role back so later tests start from Pat as the delegate.
    expect(await handOverDelegateRole({ delegateUserId: userId, organizationId: northsideId, targetUserId: pat.id }, buildRequestContext())).toEqual({ ok: true, changed: true });
    expect(await delegatesOfTaxId(NORTHSIDE_TAX_ID)).toEqual([pat.id]);
    expect(await changeMemberRole({ delegateUserId: pat.id, organizationId: northsideId, targetUserId: pat.id, role: "user" }, buildRequestContext())).toEqual({ ok: false, code: "last_delegate" });
    expect(await deactivateUser({ delegateUserId: pat.id, targetUserId: pat.id }, buildRequestContext())).toEqual({ ok: false, code: "self" });
  });

  it("a delegate can't touch a user or an invitation of another organization", async () => {
    const lakeside = await registerAccount(lakesideByVendor());
    const lakesideId = (await findOrganizationByTaxId(db, "411234567"))!.id;
    const { userId } = await inviteAndJoin(pat, northsideId);
    // Lakeside's delegate against a Northside user:
    expect(await deactivateUser({ delegateUserId: lakeside.userId, targetUserId: userId }, buildRequestContext())).toEqual({ ok: false, code: "not_found" });
    expect(await changeMemberAccess({ delegateUserId: lakeside.userId, key: northsideId, targetUserId: userId, npis: null }, buildRequestContext())).toMatchObject({ ok: false, code: "not_found" });
    expect(await changeMemberRole({ delegateUserId: lakeside.userId, organizationId: northsideId, targetUserId: userId, role: "delegate" }, buildRequestContext())).toEqual({ ok: false, code: "not_found" });
    // ...or naming its own organization with a Northside user in it:
    expect(await changeMemberRole({ delegateUserId: lakeside.userId, organizationId: lakesideId, targetUserId: userId, role: "delegate" }, buildRequestContext())).toEqual({ ok: false, code: "not_found" });
    expect(await handOverDelegateRole({ delegateUserId: lakeside.userId, organizationId: northsideId, targetUserId: userId }, buildRequestContext())).toEqual({ ok: false, code: "not_found" });
    const { userId: again } = await inviteAndJoin(pat, northsideId);
    expect(again).not.toBe(userId);
    const overview = await usersOverview(lakeside.userId);
    expect(overview.users.map((user) => user.userId)).toEqual([lakeside.userId]);
    expect(await cancelInvitation("00000000-0000-4000-8000-000000000000", lakeside.userId, buildRequestContext())).toEqual({ ok: false, code: "not_found" });
    expect((await grantRows(userId)).map((row) => row.status)).toEqual(["active"]);
  });
  it("two delegates deactivating each other at once leave exactly one delegate (last: either may win)", async () => {
    const { userId: second } = await inviteAndJoin(pat, northsideId, { role: "delegate" });
    expect((await delegatesOfTaxId(NORTHSIDE_TAX_ID))?.sort()).toEqual([pat.id, second].sort());
    const results = await Promise.all([
      deactivateUser({ delegateUserId: pat.id, targetUserId: second }, buildRequestContext()),
      deactivateUser({ delegateUserId: second, targetUserId: pat.id }, buildRequestContext()),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const remaining = await delegatesOfTaxId(NORTHSIDE_TAX_ID);
    expect(remaining).toHaveLength(1);
    // The loser found, under the lock, that it was no longer a delegate (or would leave none).
    expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, code: expect.stringMatching(/^(not_found|last_delegate)$/) });
  });

});
