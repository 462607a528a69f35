import { db } from "@/db/client";
import { activateGrant } from "@/db/queries/access";
import { findAccountContact } from "@/db/queries/accounts";
import { ensureOrganization, insertMembership } from "@/db/queries/organizations";
import { claimPinAttempt, expireLetter, findLatestLetterForGrant, findPendingPinGrant, MAX_PIN_ATTEMPTS, redeemLetter, voidLetter } from "@/db/queries/pin-letters";
import { recordAudit } from "@/lib/audit";
import { verifyPassword } from "@/lib/auth/password";
import type { RequestContext } from "@/lib/client-context";
import { formatDate } from "@/lib/format";
import { firstBlocked, recordFailure } from "@/lib/rate-limit";
import { AlreadyRegistered, joinProviderOrganization } from "@/lib/registration/provider-registration";
import { normalizePin } from "@/lib/validation/pin";

export type EnterPinResult =
  | { ok: true; taxId: string; role: "delegate" | "user" }
  | { ok: false; code: "wrong_pin"; triesLeft: number }
  | { ok: false; code: "voided" | "expired" | "no_letter" | "account_locked" };

/**
 * Checks a PIN typed from a letter. Every entry is counted before the PIN is compared (one
 * UPDATE ... WHERE failed_attempts < 5), so parallel guesses get 5 tries in all; the 5th wrong
 * one voids the letter. Wrong PINs also count against the account (pinEntryByUser), across
 * letters. The right PIN, in one transaction: letter redeemed, grant active, membership.
 */
export async function enterPin(userId: string, grantId: string, typed: string, context: RequestContext, now = new Date()): Promise<EnterPinResult> {
  const accountLimit: Array<["pinEntryByUser", string]> = [["pinEntryByUser", userId]];
  if (await firstBlocked(accountLimit)) {
    await recordAudit(db, context, { action: "verification.pin", outcome: "rate_limited", actorUserId: userId });
    return { ok: false, code: "account_locked" };
  }
  const grant = await findPendingPinGrant(db, grantId, userId);
  const letter = grant ? await findLatestLetterForGrant(db, grant.id) : null;
  if (!grant || !letter) return { ok: false, code: "no_letter" };
  const audit = { actorUserId: userId, taxId: grant.taxId };

  const attempt = await claimPinAttempt(db, letter.id, now);
  if (!attempt) {
    if (letter.status === "expired" || letter.expiresAt.getTime() <= now.getTime()) {
      await expireLetter(db, letter.id, now);
      await recordAudit(db, context, { action: "verification.pin", outcome: "denied", ...audit, reason: "expired" });
      return { ok: false, code: "expired" };
    }
    await recordAudit(db, context, { action: "verification.pin", outcome: "denied", ...audit, reason: "voided" });
    return { ok: false, code: "voided" };
  }

  if (!(await verifyPassword(letter.pinHash, normalizePin(typed)))) {
    await recordFailure(accountLimit);
    const triesLeft = MAX_PIN_ATTEMPTS - attempt.attempts;
    await recordAudit(db, context, { action: "verification.pin", outcome: "failure", ...audit, reason: "wrong_pin", details: { triesLeft } });
    if (triesLeft > 0) return { ok: false, code: "wrong_pin", triesLeft };
    if (await voidLetter(db, letter.id, { now, reason: "too_many_attempts" })) {
      await recordAudit(db, context, { action: "pin_letter.voided", outcome: "success", ...audit, reason: "too_many_attempts", details: { letterId: letter.id } });
    }
    return { ok: false, code: "voided" };
  }

  return db.transaction(async (tx): Promise<EnterPinResult> => {
    // A parallel 5th wrong entry may have voided the letter since: then the PIN no longer counts.
    if (!(await redeemLetter(tx, letter.id, now))) return { ok: false, code: "voided" };
    if (!(await activateGrant(tx, grant.id, { now, evidence: `PIN letter dated ${formatDate(letter.letterDate)}` }))) return { ok: false, code: "no_letter" };
    const person = await findAccountContact(tx, { id: userId });
    if (!person) throw new Error("The account that entered the PIN vanished.");
    let role: "delegate" | "user" = "delegate";
    try {
      // A savepoint: when the Tax ID got a delegate since the letter was asked for (and no claim
      // was made), the PIN still proves the practice, so the person joins as a user instead.
      await tx.transaction((savepoint) =>
        joinProviderOrganization(
          savepoint,
          { taxId: grant.taxId, person: { userId, firstName: person.firstName, lastName: person.lastName, email: person.email, phone: person.phone }, departed: letter.departedDelegateClaim, now },
          context,
        ),
      );
    } catch (error) {
      if (!(error instanceof AlreadyRegistered)) throw error;
      const organization = await ensureOrganization(tx, { kind: "provider", taxId: grant.taxId, createdByUserId: userId, now });
      await insertMembership(tx, { organizationId: organization.id, userId, role: "user", addedByUserId: null, now });
      role = "user";
    }
    await recordAudit(tx, context, { action: "verification.pin", outcome: "success", ...audit, details: { letterId: letter.id } });
    await recordAudit(tx, context, { action: "access.granted", outcome: "success", ...audit, subjectUserId: userId, details: { role, method: "us_mail_pin", status: "active", npis: "all" } });
    return { ok: true, taxId: grant.taxId, role };
  });
}
