import { db } from "@/db/client";
import { findOrganizationByTaxId, listActiveDelegates } from "@/db/queries/organizations";
import { findProviderTaxId } from "@/db/queries/reference";
import { recordAudit } from "@/lib/audit";
import { sendVerificationEmail } from "@/lib/auth/email-verification";
import { hashPassword } from "@/lib/auth/password";
import type { RequestContext } from "@/lib/client-context";
import { consumeLimit } from "@/lib/rate-limit";
import { maskedName } from "@/lib/registration/departed-delegate";
import {
  AlreadyRegistered,
  alreadySubmitted,
  createRegistrantAccount,
  joinProviderOrganization,
  mayTellAccountOwner,
  OrganizationKindMismatch,
  type RegistrationRefusal,
} from "@/lib/registration/provider-registration";
import type { BillingRegistration } from "./billing-registration-schema";

export type RegisterBillingResult =
  | { ok: true }
  /** The Tax ID is a provider's: a billing organization registers with its own. */
  | { ok: false; code: "provider_tax_id" }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number }
  | RegistrationRefusal;

/**
 * Registers a billing organization and its first person, who becomes its delegate. A Tax ID in
 * the health plan's records (or registered as a provider) is refused: billing services use their
 * own and ask each provider for access afterwards. A registered billing Tax ID gets the
 * providers' path: ask the delegate, or say why they can't assist. In one transaction: the
 * account (waiting for its email to be confirmed), the organization, the delegate role, the
 * confirmation email and the audit rows.
 */
export async function registerBillingOrganization(input: BillingRegistration, context: RequestContext, now = new Date()): Promise<RegisterBillingResult> {
  if (await alreadySubmitted(input.submissionId)) return { ok: true };
  // Looking up a Tax ID in the records is counted like the other public lookups.
  const lookup = await consumeLimit("registryLookupByClient", context.clientAddress);
  if (lookup.blocked) {
    await recordAudit(db, context, { action: "registration.refused", outcome: "rate_limited", actorLabel: input.email, taxId: input.taxId, reason: "registryLookupByClient" });
    return { ok: false, code: "rate_limited", retryAfterSeconds: lookup.retryAfterSeconds };
  }

  const [record, existing] = await Promise.all([findProviderTaxId(db, input.taxId), findOrganizationByTaxId(db, input.taxId)]);
  if (record || (existing && existing.kind !== "billing")) return refuseProviderTaxId(input, context);

  const delegates = existing && !input.answers.departed ? await listActiveDelegates(db, existing.id, now) : [];
  if (existing && delegates.length > 0) {
    await recordAudit(db, context, { action: "registration.refused", outcome: "denied", actorLabel: input.email, taxId: input.taxId, reason: "organization_already_registered", details: { kind: "billing" } });
    return { ok: false, code: "already_registered", organizationName: existing.name, delegates: delegates.map(maskedName) };
  }

  const [passwordHash, tellOwner] = await Promise.all([hashPassword(input.password), mayTellAccountOwner(input.email)]);
  try {
    return await db.transaction(async (tx) => {
      const user = await createRegistrantAccount(tx, input, passwordHash, input.taxId, context, now, tellOwner, "billing");
      if (!user) return { ok: true } as const;
      await joinProviderOrganization(
        tx,
        {
          taxId: input.taxId,
          person: { userId: user.id, firstName: user.firstName, lastName: user.lastName, email: user.email, phone: input.phone },
          departed: input.answers.departed ?? null,
          now,
          billing: input.organization,
        },
        context,
      );
      await recordAudit(tx, context, { action: "registration.created", outcome: "success", actorUserId: user.id, subjectUserId: user.id, taxId: input.taxId, details: { kind: "billing" } });
      await sendVerificationEmail(tx, user, now);
      return { ok: true } as const;
    });
  } catch (error) {
    if (error instanceof OrganizationKindMismatch) return refuseProviderTaxId(input, context);
    if (!(error instanceof AlreadyRegistered)) throw error;
    await recordAudit(db, context, { action: "registration.refused", outcome: "denied", actorLabel: input.email, taxId: input.taxId, reason: "organization_already_registered", details: { kind: "billing" } });
    return { ok: false, code: "already_registered", organizationName: error.organizationName, delegates: error.delegates };
  }
}

async function refuseProviderTaxId(input: BillingRegistration, context: RequestContext): Promise<RegisterBillingResult> {
  await recordAudit(db, context, { action: "registration.refused", outcome: "denied", actorLabel: input.email, taxId: input.taxId, reason: "provider_tax_id", details: { kind: "billing" } });
  return { ok: false, code: "provider_tax_id" };
}
