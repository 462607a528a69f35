import { randomUUID } from "node:crypto";
import { confirmEmail } from "@/lib/auth/email-verification";
import { BillingRegistrationSchema, type BillingRegistration } from "@/lib/billing/billing-registration-schema";
import { registerBillingOrganization } from "@/lib/billing/register-billing-organization";
import { latestVerificationToken } from "@/tests/support/outbox";
import { findUserByEmail } from "@/tests/support/queries";
import { uniqueEmail } from "./check-registration";
import { buildRequestContext } from "./request-context";

/** "Register a billing organization" as the browser sends it: Accurate Billing Services (demo data), with its own Tax ID. */
export function accurateBillingInput(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    organizationName: "Accurate Billing Services",
    taxId: "41-9876543",
    addressLine1: "900 Ledger Way",
    addressLine2: "Suite 4",
    city: "Edina",
    state: "MN",
    postalCode: "55435",
    firstName: "Jamie",
    lastName: "Cruz",
    email: uniqueEmail("Jamie.Cruz", "AccurateBilling.Example"),
    phone: "952-555-0144",
    password: "ledger lines and claims",
    submissionId: randomUUID(),
    ...overrides,
  };
}

export function accurateBilling(overrides: Record<string, string> = {}): BillingRegistration {
  return BillingRegistrationSchema.parse(accurateBillingInput(overrides));
}

/** Registers a billing organization through the real use case and confirms the registrant's email. */
export async function registerBillingAccount(registration: BillingRegistration = accurateBilling()): Promise<{ userId: string; email: string; password: string }> {
  const result = await registerBillingOrganization(registration, buildRequestContext());
  if (!result.ok) throw new Error(`Billing registration in a test setup failed: ${result.code}`);
  const confirmed = await confirmEmail(await latestVerificationToken(registration.email), buildRequestContext());
  if (!confirmed.ok) throw new Error(`Email confirmation in a test setup failed: ${confirmed.reason}`);
  const user = await findUserByEmail(registration.email);
  if (!user) throw new Error("The registered billing user is missing.");
  return { userId: user.id, email: registration.email, password: registration.password };
}
