import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accessGrants, providerTaxIds, registeredOrganizations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { sendVerificationEmail } from "@/lib/auth/email-verification";
import { hashPassword } from "@/lib/auth/password";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { firstBlocked, recordFailure, type LimitName } from "@/lib/rate-limit";
import type { RequestContext } from "@/lib/client-context";
import type { CheckRegistration } from "./check-registration-schema";
import { verifyCheck } from "./verify-check";

export type RegisterWithCheckResult =
  /** The account exists (or an email went to the owner of an existing one): check your inbox. */
  | { ok: true }
  | { ok: false; code: "not_verified" }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number }
  | { ok: false; code: "already_registered"; organizationName: string };

class AlreadyRegistered extends Error {
  constructor(readonly organizationName: string) {
    super("already registered");
  }
}

/**
 * Registers a provider's staff member with a check from the health plan. Guessing is
 * limited per client address and per Tax ID. On success, in one transaction: the account
 * (waiting for its email to be confirmed), the organization's registration with this person
 * as its delegate, their access grant, the confirmation email and the audit entries.
 */
export async function registerWithCheck(input: CheckRegistration, context: RequestContext, now = new Date()): Promise<RegisterWithCheckResult> {
  const limits: Array<[LimitName, string | null]> = [
    ["verificationByClient", context.clientAddress],
    ["verificationByTaxId", input.taxId],
  ];
  const method = input.proof.kind === "vendor" ? "check_and_vendor_number" : "check_and_npi";

  const blocked = await firstBlocked(limits);
  if (blocked) {
    await recordAudit(db, context, { action: "verification.check", outcome: "rate_limited", actorLabel: input.email, taxId: input.taxId, details: { method } });
    return { ok: false, code: "rate_limited", retryAfterSeconds: blocked.retryAfterSeconds };
  }

  // A second click of the same form: the first one already did the work.
  const [previous] = await db.select({ id: users.id }).from(users).where(eq(users.registrationSubmissionId, input.submissionId)).limit(1);
  if (previous) return { ok: true };

  const verification = await verifyCheck(db, input, now);
  if (!verification.ok) {
    await recordFailure(limits);
    await recordAudit(db, context, {
      action: "verification.check",
      outcome: "failure",
      actorLabel: input.email,
      taxId: input.taxId,
      reason: verification.reason,
      details: { method },
    });
    return { ok: false, code: "not_verified" };
  }

  await recordAudit(db, context, { action: "verification.check", outcome: "success", actorLabel: input.email, taxId: input.taxId, details: { method } });
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {

      const [user] = await tx
        .insert(users)
        .values({
          email: input.email,
          firstName: input.firstName,
          lastName: input.lastName,
          phone: input.phone,
          passwordHash,
          accountType: "provider",
          registrationSubmissionId: input.submissionId,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: users.id, email: users.email, firstName: users.firstName });

      if (!user) return await handleTakenEmailOrResubmission(tx, input, context);

      const [organization] = await tx
        .insert(registeredOrganizations)
        .values({ taxId: input.taxId, registeredByUserId: user.id, registeredAt: now })
        .onConflictDoNothing()
        .returning({ taxId: registeredOrganizations.taxId });
      if (!organization) {
        const [record] = await tx.select({ legalName: providerTaxIds.legalName }).from(providerTaxIds).where(eq(providerTaxIds.taxId, input.taxId));
        throw new AlreadyRegistered(record?.legalName ?? "This organization");
      }

      await tx.insert(accessGrants).values({
        userId: user.id,
        taxId: input.taxId,
        role: "delegate",
        method: "check",
        evidence: `Check ending ${verification.checkNumber.slice(-4)}`,
        status: "active",
        grantedAt: now,
      });
      await sendVerificationEmail(tx, user, now);
      await recordAudit(tx, context, { action: "registration.created", outcome: "success", actorUserId: user.id, subjectUserId: user.id, taxId: input.taxId, details: { method } });
      await recordAudit(tx, context, {
        action: "access.granted",
        outcome: "success",
        actorUserId: user.id,
        subjectUserId: user.id,
        taxId: input.taxId,
        details: { role: "delegate", method: "check" },
      });
      return { ok: true } as const;
    });
  } catch (error) {
    if (!(error instanceof AlreadyRegistered)) throw error;
    await recordAudit(db, context, { action: "registration.refused", outcome: "denied", actorLabel: input.email, taxId: input.taxId, reason: "organization_already_registered" });
    return { ok: false, code: "already_registered", organizationName: error.organizationName };
  }
}

type Transaction = Parameters<Parameters<typeof db.transaction>[0]>[0];

/**
 * The insert hit a unique constraint: either this very form was submitted twice (same
 * submission id: nothing more to do) or the email already has an account. Then the owner is
 * told by email and the page looks exactly as for a new account, so nothing is revealed.
 */
async function handleTakenEmailOrResubmission(tx: Transaction, input: CheckRegistration, context: RequestContext): Promise<{ ok: true }> {
  const [resubmitted] = await tx.select({ id: users.id }).from(users).where(eq(users.registrationSubmissionId, input.submissionId)).limit(1);
  if (resubmitted) return { ok: true };

  const [owner] = await tx.select({ id: users.id, firstName: users.firstName, email: users.email }).from(users).where(eq(users.email, input.email)).limit(1);
  if (owner) {
    const config = env();
    await enqueueEmail(tx, {
      template: "account-exists",
      to: owner.email,
      props: { payerName: config.PAYER_NAME, firstName: owner.firstName, signInUrl: `${config.APP_URL}/signin` },
    });
    await recordAudit(tx, context, { action: "registration.duplicate_email", outcome: "denied", actorLabel: input.email, subjectUserId: owner.id, taxId: input.taxId });
  }
  return { ok: true };
}
