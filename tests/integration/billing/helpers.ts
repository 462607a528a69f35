import { randomInt } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { insertAccount } from "@/db/queries/accounts";
import { findOrganizationByTaxId, insertMembership } from "@/db/queries/organizations";
import { accessRequests, users } from "@/db/schema";
import { requestProviderAccess } from "@/lib/billing/request-access";
import { RequestAccessSchema } from "@/lib/billing/request-access-schema";
import { accurateBilling, registerBillingAccount } from "@/tests/factories/billing-registration";
import { uniqueEmail } from "@/tests/factories/check-registration";
import { demoAccounts } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";

export const NORTHSIDE = "412345678";

/** A billing organization of its own (a fresh Tax ID each time) with its confirmed delegate. */
export async function newBillingOrganization(name = "Jamie") {
  const taxId = `419${String(randomInt(1_000_000)).padStart(6, "0")}`;
  const account = await registerBillingAccount(accurateBilling({ taxId, email: uniqueEmail(`${name}.Cruz`, "AccurateBilling.Example") }));
  const organization = await findOrganizationByTaxId(db, taxId);
  return { ...account, organizationId: organization!.id, taxId };
}

/** Makes someone a co-worker (user) of a billing organization directly, as an accepted invitation would. */
export async function addCoWorker(organizationId: string, delegateUserId: string) {
  const now = new Date();
  const email = uniqueEmail("Casey.Cole", "AccurateBilling.Example").toLowerCase();
  const account = await insertAccount(db, { email, firstName: "Casey", lastName: "Cole", phone: "9525550145", passwordHash: "not-used", accountType: "billing", emailVerifiedAt: now, now });
  await insertMembership(db, { organizationId, userId: account!.id, role: "user", addedByUserId: delegateUserId, now });
  return { userId: account!.id, email };
}

export function requestInput(overrides: Record<string, string> = {}) {
  return RequestAccessSchema.parse({ providerTaxId: "41-2345678", npis: "", contactName: "Pat Morgan", contactEmail: demoAccounts.delegate.email, ...overrides });
}

/** Asks Northside's delegate for access; returns the request's id. */
export async function requestNorthside(userId: string, now = new Date(), overrides: Record<string, string> = {}) {
  const result = await requestProviderAccess(userId, requestInput(overrides), buildRequestContext(), now);
  if (!result.ok) throw new Error(`The access request in a test setup failed: ${result.code}`);
  return result.requestId;
}

/** The token in the newest approval email to an address, as a person would click it. */
export async function latestApprovalToken(address: string): Promise<{ requestId: string; token: string }> {
  const latest = (await emailsTo(address, "provider-approval")).at(-1);
  const match = /\/access\/requests\/([0-9a-f-]{36})\?answer=approve&amp;token=([A-Za-z0-9_-]+)/.exec(latest?.html ?? "");
  if (!match) throw new Error(`No approval link in the newest approval email to ${address}.`);
  return { requestId: match[1]!, token: match[2]! };
}

export async function requestStatus(requestId: string) {
  const [row] = await db.select({ status: accessRequests.status }).from(accessRequests).where(eq(accessRequests.id, requestId));
  return row?.status;
}

export async function userIdByEmail(email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(and(eq(users.email, email)));
  return row!.id;
}
