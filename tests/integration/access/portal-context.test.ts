import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { listMembershipsForUser } from "@/db/queries/organizations";
import { listPendingPinGrants } from "@/db/queries/pin-letters";
import { readPortalContext } from "@/db/queries/portal";
import { registerWithMail } from "@/lib/pin-letters/register-with-mail";
import { registerAccount } from "@/tests/factories/accounts";
import { lakesideByVendor } from "@/tests/factories/check-registration";
import { demoDelegate, seedDemo } from "@/tests/factories/demo-data";
import { birchwoodByMail } from "@/tests/factories/mail-registration";
import { buildRequestContext } from "@/tests/factories/request-context";
import { findUserByEmail } from "@/tests/support/queries";
import { newBillingOrganization, requestNorthside } from "../billing/helpers";

beforeAll(() => seedDemo());

/**
 * The one statement every signed-in page reads: it must say what the separate reads it replaced
 * say (memberships, pending US Mail grants), and whether billing organizations asked a delegate.
 */
describe("readPortalContext", () => {
  it("gives a delegate's memberships as listMembershipsForUser does, and no pending letters", async () => {
    const delegate = await demoDelegate();
    const context = await readPortalContext(db, delegate.id);
    expect(context.memberships.length).toBeGreaterThan(0);
    expect(context.memberships).toEqual(await listMembershipsForUser(db, delegate.id));
    expect(context.pendingPinGrants).toEqual([]);
  });

  it("gives the pending US Mail grants as listPendingPinGrants does, dates as dates", async () => {
    const registration = birchwoodByMail();
    expect(await registerWithMail(registration, buildRequestContext(), new Date("2026-03-02T15:00:00Z"))).toEqual({ ok: true });
    const user = await findUserByEmail(registration.email);
    const context = await readPortalContext(db, user!.id);
    expect(context.pendingPinGrants).toHaveLength(1);
    expect(context.pendingPinGrants).toEqual(await listPendingPinGrants(db, user!.id));
    expect(context.pendingPinGrants[0]!.expiresAt).toBeInstanceOf(Date);
    expect(context.delegateHasBillingRequests).toBe(false);
  });

  it("says whether a billing organization has asked for one of the person's delegated Tax IDs", async () => {
    const lakeside = await registerAccount(lakesideByVendor());
    expect((await readPortalContext(db, lakeside.userId)).delegateHasBillingRequests).toBe(false);

    const delegate = await demoDelegate();
    const billing = await newBillingOrganization();
    await requestNorthside(billing.userId);
    expect((await readPortalContext(db, delegate.id)).delegateHasBillingRequests).toBe(true);
    // The billing user asked; they are not a provider's delegate.
    expect((await readPortalContext(db, billing.userId)).delegateHasBillingRequests).toBe(false);
  });

  it("reads nothing for an unknown person", async () => {
    expect(await readPortalContext(db, "00000000-0000-4000-8000-000000000000")).toEqual({ memberships: [], pendingPinGrants: [], delegateHasBillingRequests: false });
  });
});
