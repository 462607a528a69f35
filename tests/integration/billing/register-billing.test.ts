import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { organizationMembers, organizations, users } from "@/db/schema";
import { registerBillingOrganization } from "@/lib/billing/register-billing-organization";
import { accurateBilling, registerBillingAccount } from "@/tests/factories/billing-registration";
import { uniqueEmail } from "@/tests/factories/check-registration";
import { seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";
import { countRows, findUserByEmail } from "@/tests/support/queries";

beforeAll(() => seedDemo());

describe("registering a billing organization", () => {
  it("refuses a provider's Tax ID and saves nothing", async () => {
    for (const taxId of ["41-2345678", "41-1234567"]) {
      const registration = accurateBilling({ taxId });
      expect(await registerBillingOrganization(registration, buildRequestContext())).toEqual({ ok: false, code: "provider_tax_id" });
      expect(await findUserByEmail(registration.email)).toBeNull();
    }
    expect(await countRows(organizations, eq(organizations.kind, "billing"))).toBe(0);
  });

  it("makes the registrant the delegate of a new billing organization, with its own name and address, once their email is confirmed", async () => {
    const registration = accurateBilling();
    const again = { ...registration };
    const [first, second] = await Promise.all([registerBillingOrganization(registration, buildRequestContext()), registerBillingOrganization(again, buildRequestContext())]);
    expect(first).toEqual({ ok: true });
    expect(second).toEqual({ ok: true });
    expect(await countRows(users, eq(users.email, registration.email))).toBe(1);
    const user = await findUserByEmail(registration.email);
    const [account] = await db.select({ accountType: users.accountType, verified: users.emailVerifiedAt }).from(users).where(eq(users.id, user!.id));
    expect(account).toEqual({ accountType: "billing", verified: null });
    const [organization] = await db.select().from(organizations).where(eq(organizations.taxId, "419876543"));
    expect(organization).toMatchObject({ kind: "billing", name: "Accurate Billing Services", addressLine1: "900 Ledger Way", city: "Edina", state: "MN", postalCode: "55435" });
    const members = await db.select().from(organizationMembers).where(eq(organizationMembers.organizationId, organization!.id));
    expect(members.map((member) => [member.userId, member.role])).toEqual([[user!.id, "delegate"]]);
    expect(await emailsTo(registration.email, "verify-email")).toHaveLength(1);
  });

  it("sends a second registrant for a registered billing Tax ID to its delegate, or on with a reason", async () => {
    await registerBillingAccount(accurateBilling({ taxId: "41-9876500", email: uniqueEmail("Avery.Stone", "Ledger.Example"), firstName: "Avery", lastName: "Stone" }));
    const second = accurateBilling({ taxId: "41-9876500", email: uniqueEmail("Robin.Hale", "Ledger.Example"), firstName: "Robin", lastName: "Hale" });
    const refused = await registerBillingOrganization(second, buildRequestContext());
    expect(refused).toEqual({ ok: false, code: "already_registered", organizationName: "Accurate Billing Services", delegates: ["A. S."] });
    expect(await findUserByEmail(second.email)).toBeNull();

    const withReason = { ...second, answers: { departed: { reason: "left_organization" as const, note: null }, confirmedOwnName: false } };
    expect(await registerBillingOrganization(withReason, buildRequestContext())).toEqual({ ok: true });
    const user = await findUserByEmail(second.email);
    const [membership] = await db.select({ role: organizationMembers.role }).from(organizationMembers).where(eq(organizationMembers.userId, user!.id));
    expect(membership).toEqual({ role: "delegate" });
  });
});
