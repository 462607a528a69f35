import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { findLiveGrant, insertGrant, listAccessForUser } from "@/db/queries/access";
import { accessGrants, accessRequests, auditEvents } from "@/db/schema";
import { checkLinkToken, decideAccessRequestAs } from "@/lib/billing/decide-request";
import { reRequestAccess, requestProviderAccess } from "@/lib/billing/request-access";
import { revokeBillingAccess } from "@/lib/billing/revoke-billing-access";
import { registerAccount } from "@/tests/factories/accounts";
import { lakesideByVendor } from "@/tests/factories/check-registration";
import { demoAccounts, demoDelegate, seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { countRows } from "@/tests/support/queries";
import { addCoWorker, latestApprovalToken, newBillingOrganization, NORTHSIDE, requestInput, requestNorthside, requestStatus } from "./helpers";

beforeAll(() => seedDemo());

const DAY = 24 * 60 * 60 * 1000;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

describe("asking a provider for access", () => {
  it("accepts only a delegate of the provider's Tax ID as the contact, with one answer for everyone else", async () => {
    const billing = await newBillingOrganization();
    const coWorker = await addCoWorker(billing.organizationId, billing.userId);
    for (const contactEmail of [coWorker.email, "manager@accuratebilling.example", billing.email]) {
      expect(await requestProviderAccess(billing.userId, requestInput({ contactEmail }), buildRequestContext())).toEqual({ ok: false, code: "contact_not_delegate" });
    }
    // Lakeside has no delegate yet: the provider must register first.
    expect(await requestProviderAccess(billing.userId, requestInput({ providerTaxId: "41-1234567" }), buildRequestContext())).toEqual({ ok: false, code: "provider_not_registered" });
    // Its own Tax ID, and an NPI that does not bill under Northside's.
    expect(await requestProviderAccess(billing.userId, requestInput({ providerTaxId: billing.taxId }), buildRequestContext())).toEqual({ ok: false, code: "own_tax_id" });
    expect(await requestProviderAccess(billing.userId, requestInput({ npis: "1234567893" }), buildRequestContext())).toEqual({ ok: false, code: "npis_not_under_tax_id", npis: ["1234567893"] });
    expect(await countRows(accessRequests, eq(accessRequests.requesterUserId, billing.userId))).toBe(0);
    const refusals = await db.select({ reason: auditEvents.reason }).from(auditEvents).where(eq(auditEvents.actorUserId, billing.userId));
    expect(refusals.map((row) => row.reason).filter((reason) => reason === "contact_not_delegate")).toHaveLength(3);
  });

  it("pauses an account after 10 refused requests, counting parallel ones exactly", async () => {
    const billing = await newBillingOrganization();
    const results = await Promise.all(
      Array.from({ length: 14 }, () => requestProviderAccess(billing.userId, requestInput({ contactEmail: "someone@elsewhere.example" }), buildRequestContext())),
    );
    expect(results.filter((result) => !result.ok && result.code === "contact_not_delegate")).toHaveLength(10);
    expect(results.filter((result) => !result.ok && result.code === "rate_limited")).toHaveLength(4);
  });

  it("emails the contact a link whose token is stored only as a hash, and a double submit makes one request", async () => {
    const billing = await newBillingOrganization();
    const now = new Date();
    const [first, second] = await Promise.all([
      requestProviderAccess(billing.userId, requestInput({ npis: "1450239870" }), buildRequestContext(), now),
      requestProviderAccess(billing.userId, requestInput({ npis: "1450239870" }), buildRequestContext(), now),
    ]);
    expect(first.ok && second.ok).toBe(true);
    const [request] = await db.select().from(accessRequests).where(eq(accessRequests.requesterUserId, billing.userId));
    expect(await countRows(accessRequests, eq(accessRequests.requesterUserId, billing.userId))).toBe(1);
    expect(request).toMatchObject({ status: "pending", providerTaxId: NORTHSIDE, allNpis: false, npis: ["1450239870"], contactEmail: demoAccounts.delegate.email });
    expect(request!.expiresAt.getTime() - request!.createdAt.getTime()).toBe(30 * DAY);

    const { requestId, token } = await latestApprovalToken(demoAccounts.delegate.email);
    expect(requestId).toBe(request!.id);
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    expect(request!.tokenHash).not.toContain(token);
    const email = (await emailsTo(demoAccounts.delegate.email, "provider-approval")).at(-1)!;
    expect(email.text).toContain("Accurate Billing Services");
    expect(email.text).toContain("41-2345678");
    expect(email.text).toContain("NPI 1450239870");
    expect(email.text).toMatch(/Please answer by [A-Z][a-z]+ \d{1,2}, \d{4}/);
  });
});

describe("answering a request", () => {
  it("gives the person who asked access at once when a delegate approves, and two approvals at once make one grant", async () => {
    const billing = await newBillingOrganization();
    const pat = await demoDelegate();
    const requestId = await requestNorthside(billing.userId);
    const { token } = await latestApprovalToken(demoAccounts.delegate.email);

    const answers = await Promise.all([
      decideAccessRequestAs({ userId: pat.id, requestId, decision: "approved", token }, buildRequestContext()),
      decideAccessRequestAs({ userId: pat.id, requestId, decision: "approved" }, buildRequestContext()),
    ]);
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect(answers.find((answer) => !answer.ok)).toMatchObject({ ok: false, code: "already_answered" });
    expect(await countRows(accessGrants, eq(accessGrants.userId, billing.userId))).toBe(1);
    expect(await findLiveGrant(db, billing.userId, NORTHSIDE)).toMatchObject({ status: "active", method: "billing_approval" });
    expect(await requestStatus(requestId)).toBe("approved");
    expect((await emailsTo(billing.email, "access-request-answered")).map((email) => email.subject)).toEqual([
      "Northside Pediatrics approved your access request | HealthPartners Provider Portal",
    ]);

    // The link is used: it answers nothing more, and a denial afterwards changes nothing.
    expect(await decideAccessRequestAs({ userId: pat.id, requestId, decision: "denied", token }, buildRequestContext())).toMatchObject({ ok: false, code: "already_answered" });
    expect(await requestStatus(requestId)).toBe("approved");
  });

  it("lets only a delegate of that Tax ID answer, and refuses another request's token", async () => {
    const billing = await newBillingOrganization();
    const requestId = await requestNorthside(billing.userId);
    const lakeside = await registerAccount(lakesideByVendor());
    expect(await decideAccessRequestAs({ userId: lakeside.userId, requestId, decision: "approved" }, buildRequestContext())).toEqual({ ok: false, code: "not_found" });
    expect(await decideAccessRequestAs({ userId: billing.userId, requestId, decision: "approved" }, buildRequestContext())).toEqual({ ok: false, code: "not_found" });

    const other = await newBillingOrganization("Morgan");
    await requestNorthside(other.userId);
    const { token: foreignToken } = await latestApprovalToken(demoAccounts.delegate.email);
    const pat = await demoDelegate();
    expect(await checkLinkToken(db, requestId, foreignToken)).toBe("foreign");
    expect(await checkLinkToken(db, requestId, "not-a-token")).toBe("foreign");
    expect(await decideAccessRequestAs({ userId: pat.id, requestId, decision: "approved", token: foreignToken }, buildRequestContext())).toEqual({ ok: false, code: "link_invalid" });
    expect(await requestStatus(requestId)).toBe("pending");

    expect(await decideAccessRequestAs({ userId: pat.id, requestId, decision: "denied" }, buildRequestContext())).toMatchObject({ ok: true, decision: "denied" });
    expect(await findLiveGrant(db, billing.userId, NORTHSIDE)).toBeNull();
    expect((await emailsTo(billing.email, "access-request-answered")).map((email) => email.subject)).toEqual([
      "Northside Pediatrics denied your access request | HealthPartners Provider Portal",
    ]);
  });
});

describe("30 days to answer", () => {
  it("expires a request at day 30, kills its link, and a re-request sends a new link", async () => {
    const billing = await newBillingOrganization();
    const pat = await demoDelegate();
    const askedAt = new Date();
    const requestId = await requestNorthside(billing.userId, askedAt);
    const { token: oldToken } = await latestApprovalToken(demoAccounts.delegate.email);

    // Not yet expired a minute before day 30: a re-request is refused.
    expect(await reRequestAccess(billing.userId, requestId, buildRequestContext(), later(askedAt, 30 * DAY - 60_000))).toEqual({ ok: false, code: "not_expired" });
    // At day 30 the link no longer answers.
    expect(await decideAccessRequestAs({ userId: pat.id, requestId, decision: "approved", token: oldToken }, buildRequestContext(), later(askedAt, 30 * DAY))).toEqual({ ok: false, code: "expired" });
    expect(await requestStatus(requestId)).toBe("expired");

    const reRequested = await reRequestAccess(billing.userId, requestId, buildRequestContext(), later(askedAt, 31 * DAY));
    expect(reRequested.ok).toBe(true);
    const newId = reRequested.ok ? reRequested.requestId : "";
    expect(newId).not.toBe(requestId);
    const [replacement] = await db.select().from(accessRequests).where(eq(accessRequests.id, newId));
    expect(replacement).toMatchObject({ status: "pending", replacesRequestId: requestId });
    const { requestId: linked, token: newToken } = await latestApprovalToken(demoAccounts.delegate.email);
    expect(linked).toBe(newId);
    expect(newToken).not.toBe(oldToken);

    // The old token stays dead: on its own request (expired) and on the new one (foreign).
    expect(await decideAccessRequestAs({ userId: pat.id, requestId, decision: "approved", token: oldToken }, buildRequestContext(), later(askedAt, 31 * DAY))).toMatchObject({
      ok: false,
      code: "already_answered",
    });
    expect(await decideAccessRequestAs({ userId: pat.id, requestId: newId, decision: "approved", token: oldToken }, buildRequestContext(), later(askedAt, 31 * DAY))).toEqual({
      ok: false,
      code: "link_invalid",
    });
    expect(await decideAccessRequestAs({ userId: pat.id, requestId: newId, decision: "approved", token: newToken }, buildRequestContext(), later(askedAt, 31 * DAY))).toMatchObject({ ok: true });
    // Someone else's request can't be re-requested.
    const other = await newBillingOrganization("Morgan");
    expect(await reRequestAccess(other.userId, requestId, buildRequestContext(), later(askedAt, 32 * DAY))).toEqual({ ok: false, code: "not_found" });
  });
});

describe("revocation", () => {
  it("ends the access of everyone in the billing organization for that Tax ID, on their next request", async () => {
    const billing = await newBillingOrganization();
    const coWorker = await addCoWorker(billing.organizationId, billing.userId);
    const pat = await demoDelegate();
    const requestId = await requestNorthside(billing.userId);
    expect(await decideAccessRequestAs({ userId: pat.id, requestId, decision: "approved" }, buildRequestContext())).toMatchObject({ ok: true });
    // The billing delegate gave the co-worker Northside too.
    await insertGrant(db, { userId: coWorker.userId, taxId: NORTHSIDE, method: "delegate", status: "active", grantedByUserId: billing.userId, now: new Date() });
    expect(await findLiveGrant(db, coWorker.userId, NORTHSIDE)).not.toBeNull();

    // Only a delegate of the Tax ID may revoke.
    expect(await revokeBillingAccess({ userId: billing.userId, billingOrganizationId: billing.organizationId, providerTaxId: NORTHSIDE }, buildRequestContext())).toEqual({ ok: false, code: "not_found" });
    expect(await revokeBillingAccess({ userId: pat.id, billingOrganizationId: billing.organizationId, providerTaxId: NORTHSIDE }, buildRequestContext())).toEqual({ ok: true, endedGrants: 2 });

    expect(await findLiveGrant(db, billing.userId, NORTHSIDE)).toBeNull();
    expect(await findLiveGrant(db, coWorker.userId, NORTHSIDE)).toBeNull();
    expect((await listAccessForUser(db, billing.userId)).map((row) => [row.taxId, row.status])).toEqual([[NORTHSIDE, "revoked"]]);
    expect(await requestStatus(requestId)).toBe("revoked");
    expect((await emailsTo(billing.email, "access-request-answered")).map((email) => email.subject).at(-1)).toBe(
      "Northside Pediatrics removed your organization's access | HealthPartners Provider Portal",
    );
    // A second revoke finds nothing left to take back.
    expect(await revokeBillingAccess({ userId: pat.id, billingOrganizationId: billing.organizationId, providerTaxId: NORTHSIDE }, buildRequestContext())).toEqual({ ok: false, code: "not_found" });
  });
});
