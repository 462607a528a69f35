import { db } from "@/db/client";
import { insertGrant } from "@/db/queries/access";
import { listActiveDelegatesByTaxId } from "@/db/queries/organizations";
import { findProviderTaxId, npiBillsUnderTaxId } from "@/db/queries/reference";
import { recordAudit } from "@/lib/audit";
import { sendVerificationEmail } from "@/lib/auth/email-verification";
import { hashPassword } from "@/lib/auth/password";
import type { RequestContext } from "@/lib/client-context";
import { consumeLimit } from "@/lib/rate-limit";
import { maskedName } from "@/lib/registration/departed-delegate";
import type { MailRegistration } from "@/lib/registration/mail-registration-schema";
import { alreadySubmitted, createRegistrantAccount, mayTellAccountOwner, questionsBeforeRegistering, type RegistrationRefusal } from "@/lib/registration/provider-registration";
import { letterAddressOf, letterExpiry, queuePinLetter, sealNewPin } from "./issue-pin-letter";

export type RegisterWithMailResult =
  /** The account exists (or an email went to the owner of an existing one): check your inbox. */
  | { ok: true }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number }
  | { ok: false; code: "not_listed" | "npi_not_on_tax_id" }
  | RegistrationRefusal;

/**
 * Registers someone with no check: the account (waiting for its email to be confirmed), a
 * pending grant and a PIN letter to the Tax ID's address of record, in one transaction. The
 * registrant becomes a member only when they enter the PIN. Every lookup of the records
 * counts against the client's limit, found or not, since each one reveals whether a Tax ID exists.
 */
export async function registerWithMail(input: MailRegistration, context: RequestContext, now = new Date()): Promise<RegisterWithMailResult> {
  const lookup = await consumeLimit("registryLookupByClient", context.clientAddress);
  if (lookup.blocked) {
    await recordAudit(db, context, { action: "registration.refused", outcome: "rate_limited", actorLabel: input.email, taxId: input.taxId, reason: "lookup_limit" });
    return { ok: false, code: "rate_limited", retryAfterSeconds: lookup.retryAfterSeconds };
  }
  if (await alreadySubmitted(input.submissionId)) return { ok: true };

  const record = await findProviderTaxId(db, input.taxId);
  if (!record) return { ok: false, code: "not_listed" };
  if (input.npi && !(await npiBillsUnderTaxId(db, input.npi, input.taxId))) return { ok: false, code: "npi_not_on_tax_id" };

  const question = await questionsBeforeRegistering(input.taxId, input, input.answers);
  if (question) return question;
  const delegates = await listActiveDelegatesByTaxId(db, input.taxId, now);
  if (delegates.length > 0 && !input.answers.departed) {
    await recordAudit(db, context, { action: "registration.refused", outcome: "denied", actorLabel: input.email, taxId: input.taxId, reason: "organization_already_registered" });
    return { ok: false, code: "already_registered", organizationName: record.legalName, delegates: delegates.map(maskedName) };
  }
  // The claim is kept on the letter and weighed when the PIN proves the practice, not before.
  const departed = delegates.length > 0 ? input.answers.departed : null;

  const [passwordHash, sealed, tellOwner] = await Promise.all([hashPassword(input.password), sealNewPin(), mayTellAccountOwner(input.email)]);
  return db.transaction(async (tx) => {
    const user = await createRegistrantAccount(tx, input, passwordHash, input.taxId, context, now, tellOwner);
    if (!user) return { ok: true } as const;
    await recordAudit(tx, context, { action: "registration.created", outcome: "success", actorUserId: user.id, subjectUserId: user.id, taxId: input.taxId, details: { method: "us_mail_pin" } });
    const grant = await insertGrant(tx, { userId: user.id, taxId: input.taxId, method: "us_mail_pin", status: "pending", expiresAt: letterExpiry(now), now });
    if (!grant) throw new Error("A brand-new account already has a grant.");
    await queuePinLetter(tx, { userId: user.id, taxId: input.taxId, grantId: grant.id, address: letterAddressOf(record), sealed, departed, now }, context);
    await sendVerificationEmail(tx, user, now);
    return { ok: true } as const;
  });
}
