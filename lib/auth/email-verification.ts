import { createHash, randomBytes } from "node:crypto";
import { db, type Executor } from "@/db/client";
import { findVerificationToken, insertVerificationToken, markEmailVerified, useVerificationToken } from "@/db/queries/accounts";
import { recordAudit } from "@/lib/audit";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import type { RequestContext } from "@/lib/client-context";

export const VERIFICATION_HOURS = 24;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Creates a single-use confirmation link for the user and puts the email in the outbox,
 * inside the caller's transaction. Only the token's hash is stored.
 */
export async function sendVerificationEmail(
  executor: Executor,
  user: { id: string; email: string; firstName: string },
  now = new Date(),
): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  await insertVerificationToken(executor, {
    tokenHash: hashToken(token),
    userId: user.id,
    now,
    expiresAt: new Date(now.getTime() + VERIFICATION_HOURS * 60 * 60 * 1000),
  });
  const config = env();
  await enqueueEmail(executor, {
    template: "verify-email",
    to: user.email,
    props: {
      payerName: config.PAYER_NAME,
      firstName: user.firstName,
      verifyUrl: `${config.APP_URL}/verify-email?token=${encodeURIComponent(token)}`,
      expiresInHours: VERIFICATION_HOURS,
    },
  });
}

/** What a confirmation link's token looks like; anything else is refused before the database is asked. */
function looksLikeVerificationToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{20,100}$/.test(token);
}

export type VerificationLinkState = "valid" | "invalid" | "expired" | "used";

/**
 * Whether a confirmation link can still be used, for the page it opens (nothing is used up: the
 * button's POST does that). The token is 32 random bytes, so asking can't guess one.
 */
export async function verificationLinkState(token: string, now = new Date()): Promise<VerificationLinkState> {
  if (!looksLikeVerificationToken(token)) return "invalid";
  const row = await findVerificationToken(db, hashToken(token));
  if (!row) return "invalid";
  if (row.usedAt) return "used";
  return row.expiresAt.getTime() <= now.getTime() ? "expired" : "valid";
}

export type ConfirmEmailResult = { ok: true; email: string } | { ok: false; reason: "invalid" | "expired" | "used" };

/** Uses a confirmation token: marks the email confirmed, once, within 24 hours of sending. */
export async function confirmEmail(token: string, context: RequestContext, now = new Date()): Promise<ConfirmEmailResult> {
  if (!looksLikeVerificationToken(token)) return { ok: false, reason: "invalid" };
  const tokenHash = hashToken(token);
  return db.transaction(async (tx) => {
    const usedBy = await useVerificationToken(tx, tokenHash, now);

    if (!usedBy) {
      const existing = await findVerificationToken(tx, tokenHash);
      const reason = !existing ? "invalid" : existing.usedAt ? "used" : "expired";
      await recordAudit(tx, context, {
        action: "email.verified",
        outcome: "failure",
        subjectUserId: existing?.userId ?? null,
        reason,
      });
      return { ok: false, reason };
    }

    const email = await markEmailVerified(tx, usedBy, now);
    await recordAudit(tx, context, { action: "email.verified", outcome: "success", actorUserId: usedBy, subjectUserId: usedBy });
    return { ok: true, email: email ?? "" };
  });
}
