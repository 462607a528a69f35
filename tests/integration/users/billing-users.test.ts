import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { findOrganizationByTaxId } from "@/db/queries/organizations";
import { accessRequests, invitations, organizationMembers, users } from "@/db/schema";
import { acceptAsNewAccount, acceptAsSignedIn } from "@/lib/invitations/accept-invitation";
import { sendInvitation, type InvitationInput } from "@/lib/invitations/send-invitation";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { billingUnitKey, delegateScope } from "@/lib/users/delegate-organizations";
import { usersOverview } from "@/lib/users/list-users";
import { changeMemberAccess, changeMemberRole, handOverDelegateRole } from "@/lib/users/member-changes";
import { addAccessRequest, createApprovedBillingOrganization, createBillingOrganization, type BillingOrganizationFixture } from "@/tests/factories/billing-organization";
import { uniqueEmail } from "@/tests/factories/check-registration";
import { demoDelegate, seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { auditEventsFor, findUserByEmail } from "@/tests/support/queries";
import { grantRows, inviteAndJoin, latestInvitationToken, NORTHSIDE_NPI, NORTHSIDE_TAX_ID } from "./helpers";

const LAKESIDE_TAX_ID = "411234567";
const LAKESIDE_ORGANIZATION_NPI = "1234567893";
const LAKESIDE_ANN_RIVERA_NPI = "1045678012";
const RIVERBEND_TAX_ID = "413456789";
const person = { firstName: "Jamie", lastName: "Ortiz", phone: "6125550188", password: "a long enough passphrase" };

let pat: { id: string };
let northsideId: string;
let accurate: BillingOrganizationFixture;
let northsideKey: string;

const byBilling = (billing: BillingOrganizationFixture) => ({ userId: billing.delegate.id, firstName: billing.delegate.firstName, lastName: billing.delegate.lastName });

function billingInput(overrides: Partial<InvitationInput> = {}): InvitationInput {
  return { firstName: person.firstName, lastName: person.lastName, email: uniqueEmail("jamie.ortiz", "accuratebilling.example").toLowerCase(), role: "user", access: [], submissionId: randomUUID(), ...overrides };
}

/** Invites a co-worker of the billing organization and accepts as a new account. */
async function joinBilling(billing: BillingOrganizationFixture, overrides: Partial<InvitationInput> = {}): Promise<{ userId: string; email: string }> {
  const input = billingInput(overrides);
  const sent = await sendInvitation(input, byBilling(billing), buildRequestContext());
  if (!sent.ok) throw new Error(`Invitation failed: ${JSON.stringify(sent)}`);
  const accepted = await acceptAsNewAccount(await latestInvitationToken(input.email), person, buildRequestContext());
  if (!accepted.ok) throw new Error(`Accepting failed: ${accepted.code}`);
  return { userId: (await findUserByEmail(input.email))!.id, email: input.email };
}

beforeAll(async () => {
  await seedDemo();
  pat = await demoDelegate();
  northsideId = (await findOrganizationByTaxId(db, NORTHSIDE_TAX_ID))!.id;
  accurate = await createApprovedBillingOrganization();
  northsideKey = billingUnitKey(accurate.organizationId, NORTHSIDE_TAX_ID);
});

describe("a billing organization's delegate on /users", () => {
  it("sees the billing organization's members, with access per approved provider Tax ID", async () => {
    const overview = await usersOverview(accurate.delegate.id);
    expect(overview.organizations).toEqual([{ organizationId: accurate.organizationId, kind: "billing", taxId: accurate.taxId, name: "Accurate Billing Services" }]);
    expect(overview.units).toMatchObject([{ key: northsideKey, organizationId: accurate.organizationId, kind: "billing", taxId: NORTHSIDE_TAX_ID, name: "Northside Pediatrics", allNpis: true, npis: [{ npi: NORTHSIDE_NPI }] }]);
    expect(overview.users).toMatchObject([
      { userId: accurate.delegate.id, memberships: [{ organizationId: accurate.organizationId, kind: "billing", role: "delegate", access: [{ key: northsideKey, taxId: NORTHSIDE_TAX_ID, name: "Northside Pediatrics", npis: "all" }] }] },
    ]);
    expect(overview.soleDelegateOf.map((organization) => organization.organizationId)).toEqual([accurate.organizationId]);
  });

  it("only approved requests count, and several approvals for one Tax ID add up", async () => {
    const billing = await createBillingOrganization({ taxId: "419876501", name: "Ledger Partners" });
    expect((await delegateScope(billing.delegate.id)).units).toEqual([]);
    for (const status of ["pending", "denied", "expired", "cancelled"] as const) await addAccessRequest(billing, { providerTaxId: RIVERBEND_TAX_ID, status });
    expect((await delegateScope(billing.delegate.id)).units).toEqual([]);
    await addAccessRequest(billing, { providerTaxId: LAKESIDE_TAX_ID, npis: [LAKESIDE_ORGANIZATION_NPI] });
    const coworker = await joinBilling(billing);
    await addAccessRequest(billing, { providerTaxId: LAKESIDE_TAX_ID, npis: [LAKESIDE_ANN_RIVERA_NPI], requesterUserId: coworker.userId });
    const { units } = await delegateScope(billing.delegate.id);
    expect(units).toMatchObject([{ taxId: LAKESIDE_TAX_ID, allNpis: false, npis: [{ npi: LAKESIDE_ANN_RIVERA_NPI }, { npi: LAKESIDE_ORGANIZATION_NPI }] }]);
  });
});

describe("inviting a billing co-worker", () => {
  it("without provider access: they join the billing organization with a billing account and no grant", async () => {
    const input = billingInput();
    const context = buildRequestContext();
    expect(await sendInvitation(input, byBilling(accurate), context)).toEqual({ ok: true });
    const [stored] = await db.select().from(invitations).where(eq(invitations.email, input.email));
    expect(stored).toMatchObject({ organizationId: accurate.organizationId, access: [], role: "user" });
    expect((await auditEventsFor(context.requestId, "invitation.sent"))[0]).toMatchObject({ taxId: accurate.taxId, outcome: "success" });
    const [email] = await emailsTo(input.email, "invitation");
    expect(email?.text).toContain("Accurate Billing Services (Tax ID 41-9876543)");
    expect(email?.text).toContain("no provider yet");
    expect((await usersOverview(accurate.delegate.id)).invitations.map((invitation) => invitation.email)).toContain(input.email);

    expect(await acceptAsNewAccount(await latestInvitationToken(input.email), person, buildRequestContext())).toEqual({ ok: true, email: input.email });
    const user = (await findUserByEmail(input.email))!;
    expect(user).toMatchObject({ accountType: "billing", status: "active" });
    expect(await db.select({ organizationId: organizationMembers.organizationId, role: organizationMembers.role }).from(organizationMembers).where(eq(organizationMembers.userId, user.id))).toEqual([
      { organizationId: accurate.organizationId, role: "user" },
    ]);
    expect(await grantRows(user.id)).toEqual([]);
    const listed = (await usersOverview(accurate.delegate.id)).users.find((candidate) => candidate.userId === user.id);
    expect(listed?.memberships).toMatchObject([{ kind: "billing", role: "user", access: [{ taxId: NORTHSIDE_TAX_ID, npis: null }] }]);
  });

  it("with provider access: the grant is on the provider's Tax ID, given by the billing delegate", async () => {
    const { userId } = await joinBilling(accurate, { access: [{ key: northsideKey, npis: [NORTHSIDE_NPI] }] });
    expect(await grantRows(userId)).toMatchObject([{ status: "active", method: "delegate", allNpis: false, npis: [NORTHSIDE_NPI], grantedByUserId: accurate.delegate.id }]);
    const members = await db.select().from(organizationMembers).where(eq(organizationMembers.userId, userId));
    expect(members.map((row) => row.organizationId)).toEqual([accurate.organizationId]);
  });

  it("refuses a Tax ID or NPI the organization was not approved for, and a provider organization's id", async () => {
    const before = (await db.select().from(invitations).where(eq(invitations.invitedByUserId, accurate.delegate.id))).length;
    const refuse = async (overrides: Partial<InvitationInput>) => sendInvitation(billingInput(overrides), byBilling(accurate), buildRequestContext());
    // Another provider's Tax ID, named the way the form names units.
    expect(await refuse({ access: [{ key: billingUnitKey(accurate.organizationId, LAKESIDE_TAX_ID), npis: null }] })).toMatchObject({ ok: false, code: "invalid_access" });
    // An NPI that does not bill under Northside.
    expect(await refuse({ access: [{ key: northsideKey, npis: [LAKESIDE_ORGANIZATION_NPI] }] })).toMatchObject({ ok: false, code: "invalid_access" });
    // A provider organization's id, as key or as the organization to join.
    expect(await refuse({ access: [{ key: northsideId, npis: null }] })).toMatchObject({ ok: false, code: "invalid_access" });
    expect(await refuse({ organizationId: northsideId })).toMatchObject({ ok: false, code: "invalid_access" });
    expect(await db.select().from(invitations).where(eq(invitations.invitedByUserId, accurate.delegate.id))).toHaveLength(before);
  });

  it("refuses the whole Tax ID or NPIs outside an approval for chosen NPIs", async () => {
    const billing = await createBillingOrganization({ taxId: "419876502", name: "Claims Corner" });
    await addAccessRequest(billing, { providerTaxId: LAKESIDE_TAX_ID, npis: [LAKESIDE_ORGANIZATION_NPI] });
    const key = billingUnitKey(billing.organizationId, LAKESIDE_TAX_ID);
    const send = (access: InvitationInput["access"]) => sendInvitation(billingInput({ access }), byBilling(billing), buildRequestContext());
    expect(await send([{ key, npis: null }])).toMatchObject({ ok: false, code: "invalid_access", errors: [expect.stringContaining("approved for some NPIs only")] });
    expect(await send([{ key, npis: [LAKESIDE_ANN_RIVERA_NPI] }])).toMatchObject({ ok: false, code: "invalid_access", errors: [expect.stringContaining("not one it approved")] });
    expect(await send([{ key, npis: [LAKESIDE_ORGANIZATION_NPI] }])).toEqual({ ok: true });
  });

  it("an approval that ends before the link is used gives nothing for that provider (the membership still starts)", async () => {
    const billing = await createApprovedBillingOrganization({ taxId: "419876503", name: "Revenue Friends" });
    const key = billingUnitKey(billing.organizationId, NORTHSIDE_TAX_ID);
    const input = billingInput({ access: [{ key, npis: null }] });
    expect(await sendInvitation(input, byBilling(billing), buildRequestContext())).toEqual({ ok: true });
    await db.update(accessRequests).set({ status: "cancelled" }).where(eq(accessRequests.billingOrganizationId, billing.organizationId));
    const context = buildRequestContext();
    expect((await acceptAsNewAccount(await latestInvitationToken(input.email), person, context)).ok).toBe(true);
    const user = (await findUserByEmail(input.email))!;
    expect(await grantRows(user.id)).toEqual([]);
    expect((await auditEventsFor(context.requestId, "invitation.accepted"))[0]?.details).toMatchObject({ narrowedTo: "none" });
  });

  it("a provider account can't accept a billing invitation", async () => {
    const input = billingInput({ email: "pat.morgan@northside.example" });
    expect(await sendInvitation(input, byBilling(accurate), buildRequestContext())).toEqual({ ok: true });
    const token = await latestInvitationToken(input.email);
    expect(await acceptAsSignedIn(token, { userId: pat.id, email: input.email, accountType: "provider" }, buildRequestContext())).toEqual({ ok: false, code: "not_billing" });
    expect(await acceptAsNewAccount(token, person, buildRequestContext())).toEqual({ ok: false, code: "account_exists" });
  });
});

describe("changing a billing co-worker", () => {
  it("changes access within the entitlement and takes it away, keeping history", async () => {
    const { userId } = await joinBilling(accurate, { access: [{ key: northsideKey, npis: [NORTHSIDE_NPI] }] });
    const target = { delegateUserId: accurate.delegate.id, key: northsideKey, targetUserId: userId };
    expect(await changeMemberAccess({ ...target, npis: null }, buildRequestContext())).toEqual({ ok: true, changed: true });
    const context = buildRequestContext();
    expect(await changeMemberAccess({ ...target, npis: "none" }, context)).toEqual({ ok: true, changed: true });
    expect((await auditEventsFor(context.requestId, "access.revoked"))[0]).toMatchObject({ taxId: NORTHSIDE_TAX_ID, subjectUserId: userId, reason: "removed_by_delegate" });
    expect(await changeMemberAccess({ ...target, npis: "none" }, buildRequestContext())).toEqual({ ok: true, changed: false });
    expect((await grantRows(userId)).map((row) => [row.status, row.endedReason, row.allNpis])).toEqual([
      ["revoked", "changed", false],
      ["revoked", "removed_by_delegate", true],
    ]);
    // Given again after being taken away.
    expect(await changeMemberAccess({ ...target, npis: [NORTHSIDE_NPI] }, buildRequestContext())).toEqual({ ok: true, changed: true });
    expect((await grantRows(userId)).at(-1)).toMatchObject({ status: "active", method: "delegate", npis: [NORTHSIDE_NPI] });
  });

  it("refuses another Tax ID, an NPI outside the entitlement, and a provider organization's id", async () => {
    const { userId } = await joinBilling(accurate);
    const base = { delegateUserId: accurate.delegate.id, targetUserId: userId };
    expect(await changeMemberAccess({ ...base, key: billingUnitKey(accurate.organizationId, LAKESIDE_TAX_ID), npis: null }, buildRequestContext())).toEqual({ ok: false, code: "not_found" });
    expect(await changeMemberAccess({ ...base, key: northsideKey, npis: [LAKESIDE_ORGANIZATION_NPI] }, buildRequestContext())).toMatchObject({ ok: false, code: "invalid_access" });
    expect(await changeMemberAccess({ ...base, key: northsideId, npis: null }, buildRequestContext())).toEqual({ ok: false, code: "not_found" });
    expect(await grantRows(userId)).toEqual([]);
    expect(await grantRows(userId, LAKESIDE_TAX_ID)).toEqual([]);
  });

  it("role, hand-over and deactivation work within the billing organization; deactivation ends provider grants", async () => {
    const billing = await createApprovedBillingOrganization({ taxId: "419876504", name: "Prompt Pay Billing" });
    const key = billingUnitKey(billing.organizationId, NORTHSIDE_TAX_ID);
    const first = await joinBilling(billing, { access: [{ key, npis: null }] });
    const target = { delegateUserId: billing.delegate.id, organizationId: billing.organizationId };
    expect(await changeMemberRole({ ...target, targetUserId: first.userId, role: "delegate" }, buildRequestContext())).toEqual({ ok: true, changed: true });
    expect(await changeMemberRole({ ...target, targetUserId: first.userId, role: "user" }, buildRequestContext())).toEqual({ ok: true, changed: true });
    expect(await changeMemberRole({ ...target, targetUserId: billing.delegate.id, role: "user" }, buildRequestContext())).toEqual({ ok: false, code: "last_delegate" });

    const context = buildRequestContext();
    expect(await deactivateUser({ delegateUserId: billing.delegate.id, targetUserId: first.userId }, context)).toEqual({ ok: true, accountDeactivated: true });
    expect((await grantRows(first.userId)).map((row) => [row.status, row.endedReason])).toEqual([["revoked", "deactivated"]]);
    expect((await auditEventsFor(context.requestId, "access.revoked"))[0]).toMatchObject({ taxId: NORTHSIDE_TAX_ID });

    const second = await joinBilling(billing);
    expect(await handOverDelegateRole({ ...target, targetUserId: second.userId }, buildRequestContext())).toEqual({ ok: true, changed: true });
    const roles = await db.select({ userId: organizationMembers.userId, role: organizationMembers.role }).from(organizationMembers).where(and(eq(organizationMembers.organizationId, billing.organizationId), eq(organizationMembers.status, "active")));
    expect(roles.find((row) => row.userId === second.userId)?.role).toBe("delegate");
    expect(roles.find((row) => row.userId === billing.delegate.id)?.role).toBe("user");
  });
});

describe("provider and billing delegates stay apart", () => {
  it("a provider delegate neither sees nor changes a billing organization's members, and the reverse", async () => {
    const { userId: billingUser } = await joinBilling(accurate, { access: [{ key: northsideKey, npis: null }] });
    const { userId: providerUser } = await inviteAndJoin(pat, northsideId);

    const patView = await usersOverview(pat.id);
    expect(patView.organizations.map((organization) => organization.kind)).toEqual(["provider"]);
    expect(patView.units.map((unit) => unit.key)).toEqual([northsideId]);
    expect(patView.users.map((user) => user.userId)).not.toContain(billingUser);
    expect(await changeMemberAccess({ delegateUserId: pat.id, key: northsideKey, targetUserId: billingUser, npis: null }, buildRequestContext())).toEqual({ ok: false, code: "not_found" });
    // Northside's own unit does not reach a member of another organization, though the grant is on its Tax ID.
    expect(await changeMemberAccess({ delegateUserId: pat.id, key: northsideId, targetUserId: billingUser, npis: null }, buildRequestContext())).toEqual({ ok: false, code: "not_found" });
    expect(await changeMemberRole({ delegateUserId: pat.id, organizationId: accurate.organizationId, targetUserId: billingUser, role: "delegate" }, buildRequestContext())).toEqual({ ok: false, code: "not_found" });
    expect(await deactivateUser({ delegateUserId: pat.id, targetUserId: billingUser }, buildRequestContext())).toEqual({ ok: false, code: "not_found" });
    expect(await sendInvitation(billingInput({ organizationId: accurate.organizationId }), { userId: pat.id, firstName: "Pat", lastName: "Morgan" }, buildRequestContext())).toMatchObject({ ok: false, code: "invalid_access" });

    const accurateView = await usersOverview(accurate.delegate.id);
    expect(accurateView.users.map((user) => user.userId)).not.toContain(providerUser);
    expect(await changeMemberAccess({ delegateUserId: accurate.delegate.id, key: northsideKey, targetUserId: providerUser, npis: null }, buildRequestContext())).toEqual({ ok: false, code: "not_found" });
    expect(await changeMemberRole({ delegateUserId: accurate.delegate.id, organizationId: northsideId, targetUserId: providerUser, role: "delegate" }, buildRequestContext())).toEqual({ ok: false, code: "not_found" });
    expect(await deactivateUser({ delegateUserId: accurate.delegate.id, targetUserId: providerUser }, buildRequestContext())).toEqual({ ok: false, code: "not_found" });
    expect(await deactivateUser({ delegateUserId: accurate.delegate.id, targetUserId: pat.id }, buildRequestContext())).toEqual({ ok: false, code: "not_found" });

    // Both people keep exactly what they had.
    expect((await grantRows(billingUser)).map((row) => row.status)).toEqual(["active"]);
    expect((await grantRows(providerUser)).map((row) => row.status)).toEqual(["active"]);
    const [account] = await db.select({ accountType: users.accountType }).from(users).where(eq(users.id, providerUser));
    expect(account?.accountType).toBe("provider");
  });
});
