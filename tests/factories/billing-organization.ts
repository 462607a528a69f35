import { randomBytes } from "node:crypto";
import { db } from "@/db/client";
import { insertGrant } from "@/db/queries/access";
import { insertAccount } from "@/db/queries/accounts";
import { ensureOrganization, insertMembership } from "@/db/queries/organizations";
import { accessRequests } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { uniqueEmail } from "./check-registration";

export const NORTHSIDE_TAX_ID = "412345678";
export const NORTHSIDE_NPI = "1450239870";
/** Accurate Billing Services' own Tax ID (demo data: not a provider, not registered by the seed). */
export const ACCURATE_BILLING_TAX_ID = "419876543";

const DAY = 24 * 60 * 60 * 1000;

export interface BillingOrganizationFixture {
  organizationId: string;
  taxId: string;
  name: string;
  delegate: { id: string; email: string; password: string; firstName: string; lastName: string };
}

/**
 * A billing organization as registration leaves it: an organizations row of kind 'billing'
 * with its own Tax ID, name and address, and its registrant (account type 'billing', email
 * confirmed) as delegate. Written straight through db/queries so the test does not depend on
 * the billing registration flow. Pass another taxId for a second organization in one file.
 */
export async function createBillingOrganization(options: { taxId?: string; name?: string; now?: Date } = {}): Promise<BillingOrganizationFixture> {
  const now = options.now ?? new Date();
  const taxId = options.taxId ?? ACCURATE_BILLING_TAX_ID;
  const name = options.name ?? "Accurate Billing Services";
  const password = "accurate billing passphrase";
  const delegate = { email: uniqueEmail("morgan.blake", "accuratebilling.example").toLowerCase(), firstName: "Morgan", lastName: "Blake", password };
  return db.transaction(async (tx) => {
    const account = await insertAccount(tx, { ...delegate, phone: "6125550177", passwordHash: await hashPassword(password), accountType: "billing", emailVerifiedAt: now, now });
    if (!account) throw new Error("The billing delegate's account could not be created.");
    const organization = await ensureOrganization(tx, {
      kind: "billing",
      taxId,
      createdByUserId: account.id,
      now,
      name,
      address: { addressLine1: "900 Ledger Way", city: "Minneapolis", state: "MN", postalCode: "55402" },
    });
    if (!organization.created) throw new Error(`An organization with Tax ID ${taxId} already exists in this test file's database.`);
    await insertMembership(tx, { organizationId: organization.id, userId: account.id, role: "delegate", addedByUserId: null, now });
    return { organizationId: organization.id, taxId, name, delegate: { ...delegate, id: account.id } };
  });
}

/**
 * An access request of the billing organization to a provider Tax ID, in the given status
 * (approved by default). An approved one also gives its requester a grant, as approval does.
 */
export async function addAccessRequest(
  billing: BillingOrganizationFixture,
  options: { providerTaxId?: string; npis?: string[] | null; status?: "approved" | "pending" | "denied" | "expired" | "cancelled"; requesterUserId?: string; now?: Date; grant?: boolean } = {},
): Promise<{ requestId: string }> {
  const now = options.now ?? new Date();
  const status = options.status ?? "approved";
  const providerTaxId = options.providerTaxId ?? NORTHSIDE_TAX_ID;
  const npis = options.npis === undefined ? null : options.npis;
  const requesterUserId = options.requesterUserId ?? billing.delegate.id;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(accessRequests)
      .values({
        requesterUserId,
        billingOrganizationId: billing.organizationId,
        providerTaxId,
        allNpis: npis === null,
        npis,
        contactName: "Pat Morgan",
        contactEmail: "pat.morgan@northside.example",
        status,
        tokenHash: randomBytes(32).toString("hex"),
        createdAt: new Date(now.getTime() - DAY),
        expiresAt: new Date(now.getTime() + 29 * DAY),
        decidedAt: status === "approved" || status === "denied" ? now : null,
      })
      .returning({ id: accessRequests.id });
    if (status === "approved" && (options.grant ?? true)) {
      await insertGrant(tx, { userId: requesterUserId, taxId: providerTaxId, method: "billing_approval", status: "active", npis, accessRequestId: row!.id, evidence: "Approved by the provider's office", now });
    }
    return { requestId: row!.id };
  });
}

/** Accurate Billing Services with its delegate, approved by Northside Pediatrics (41-2345678) for all its NPIs. */
export async function createApprovedBillingOrganization(options: { taxId?: string; name?: string; npis?: string[] | null; now?: Date } = {}): Promise<BillingOrganizationFixture> {
  const billing = await createBillingOrganization(options);
  await addAccessRequest(billing, { npis: options.npis ?? null, now: options.now });
  return billing;
}
