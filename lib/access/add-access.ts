import { db } from "@/db/client";
import { findLiveGrant } from "@/db/queries/access";
import { findAccountContact } from "@/db/queries/accounts";
import { findLiveMembership, insertMembership, setMemberRole } from "@/db/queries/organizations";
import { recordAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/client-context";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { takeAttempt } from "@/lib/rate-limit";
import { grantAndAudit, lockProviderOrganization } from "@/lib/registration/provider-registration";
import { verificationLimits, verificationPauseScope, type VerificationPauseScope } from "@/lib/registration/verification-limits";
import { verifyCheck } from "@/lib/registration/verify-check";
import { noticeEvidence, verifyNotice } from "@/lib/registration/verify-notice";
import { formatTaxId } from "@/lib/validation";
import type { AddAccessInput } from "./add-access-schema";

export type AddAccessResult =
  | { ok: true; taxId: string; organizationName: string; role: "delegate" | "user" }
  | { ok: false; code: "not_verified" | "missing_np_prefix" | "account_inactive" | "billing_account" }
  | { ok: false; code: "already_has_access"; taxId: string }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number; scope: VerificationPauseScope };

/** Raised inside the transaction when a parallel request got the grant first: rolls the membership back. */
class AlreadyHasAccess extends Error {}

/**
 * Adds a Tax ID to a signed-in person's account with a check or a non-payment notice, under the
 * same rules and limits as registering with one. In one transaction: the membership (delegate
 * when the Tax ID has none, otherwise user), the active grant, the emails to its delegates and
 * the audit rows. A person who already has live access is told so and nothing is added.
 */
export async function addAccessWithProof(userId: string, input: AddAccessInput, context: RequestContext, now = new Date()): Promise<AddAccessResult> {
  const { taxId, evidence } = input;
  const action = evidence.kind === "check" ? "verification.check" : "verification.notice";
  const method = evidence.kind === "notice" ? "nonpayment_notice" : evidence.proof.kind === "vendor" ? "check_and_vendor_number" : "check_and_npi";

  const person = await findAccountContact(db, { id: userId });
  if (!person || person.status !== "active") return { ok: false, code: "account_inactive" };
  // A billing service's people ask each provider for access (the FAQ): they never join a provider with its check.
  if (person.accountType === "billing") return { ok: false, code: "billing_account" };

  // Asking again for what one has (a double click, a second tab) is not a guess: it costs no attempt.
  if (await findLiveGrant(db, userId, taxId)) return { ok: false, code: "already_has_access", taxId };

  const attempt = await takeAttempt(verificationLimits(taxId, context.clientAddress));
  if (attempt.blocked) {
    await recordAudit(db, context, { action, outcome: "rate_limited", actorUserId: userId, taxId, reason: attempt.blocked.limit, details: { method, via: "add_access" } });
    return { ok: false, code: "rate_limited", retryAfterSeconds: attempt.blocked.retryAfterSeconds, scope: verificationPauseScope(attempt.blocked.limit) };
  }

  const verification = evidence.kind === "check" ? await verifyCheck(db, { taxId, checkNumber: evidence.checkNumber, proof: evidence.proof }, now) : await verifyNotice(db, { taxId, npi: evidence.npi, noticeNumber: evidence.noticeNumber }, now);
  if (!verification.ok) {
    // Typing the notice's digits without "NP" proves the practice as well as the whole number does: not counted as a guess.
    if (verification.reason === "missing_np_prefix") await attempt.succeeded();
    await recordAudit(db, context, { action, outcome: "failure", actorUserId: userId, taxId, reason: verification.reason, details: { method, via: "add_access" } });
    return { ok: false, code: verification.reason === "missing_np_prefix" ? "missing_np_prefix" : "not_verified" };
  }
  await attempt.succeeded();
  await recordAudit(db, context, { action, outcome: "success", actorUserId: userId, taxId, details: { method, via: "add_access" } });

  const grantEvidence = "checkNumber" in verification ? `Check ending ${verification.checkNumber.slice(-4)}` : noticeEvidence(verification.noticeNumber);
  try {
    return await db.transaction(async (tx) => {
      const { organization, delegates, organizationName } = await lockProviderOrganization(tx, taxId, userId, now);
      // Checked again under the lock: a parallel request of the same person may have just added it.
      if (await findLiveGrant(tx, userId, taxId)) throw new AlreadyHasAccess();

      const membership = await findLiveMembership(tx, organization.id, userId);
      // The first person to prove the practice becomes its delegate; after that, people join as users.
      const role = delegates.length === 0 ? "delegate" : (membership?.role ?? "user");
      if (!membership) await insertMembership(tx, { organizationId: organization.id, userId, role, addedByUserId: null, now });
      else if (membership.role !== role) {
        // A user of a Tax ID left without a delegate takes the role, as a first registrant would.
        await setMemberRole(tx, membership.id, role);
        await recordAudit(tx, context, { action: "membership.role_changed", outcome: "success", actorUserId: userId, subjectUserId: userId, taxId, details: { role, via: "add_access" } });
      }
      await grantAndAudit(tx, { userId, taxId, method: evidence.kind === "check" ? "check" : "nonpayment_notice", evidence: grantEvidence, status: "active", now }, role, context);

      if (role === "user") {
        const config = env();
        for (const delegate of delegates) {
          await enqueueEmail(tx, {
            template: "access-added",
            to: delegate.email,
            props: {
              payerName: config.PAYER_NAME,
              firstName: delegate.firstName,
              personName: `${person.firstName} ${person.lastName}`,
              personEmail: person.email,
              taxId: formatTaxId(taxId),
              organizationName,
              proof: evidence.kind === "check" ? "a check" : "a non-payment notice",
              accessUrl: `${config.APP_URL}/access`,
            },
          });
        }
      }
      return { ok: true, taxId, organizationName, role } as const;
    });
  } catch (error) {
    if (error instanceof AlreadyHasAccess) return { ok: false, code: "already_has_access", taxId };
    throw error;
  }
}
