import { db } from "@/db/client";
import { findAccountForPasswordChange } from "@/db/queries/password-reset";
import { verifyPassword } from "@/lib/auth/password";
import { describeWait, takeAttempt } from "@/lib/rate-limit";

export type CurrentPasswordCheck =
  | { ok: true; account: NonNullable<Awaited<ReturnType<typeof findAccountForPasswordChange>>> }
  | { ok: false; code: "wrong_password" }
  | { ok: false; code: "rate_limited"; wait: string };

/**
 * Re-authentication in account settings: the current password, limited like sign-in (5 wrong an
 * account in 15 minutes), the attempt counted atomically before the password is checked.
 */
export async function checkCurrentPassword(userId: string, password: string): Promise<CurrentPasswordCheck> {
  const attempt = await takeAttempt([["currentPasswordByUser", userId]]);
  if (attempt.blocked) return { ok: false, code: "rate_limited", wait: describeWait(attempt.blocked.retryAfterSeconds) };
  const account = await findAccountForPasswordChange(db, userId);
  const matches = password.length > 0 && password.length <= 1024 && (await verifyPassword(account?.passwordHash, password));
  if (!account || !matches) return { ok: false, code: "wrong_password" };
  await attempt.succeeded();
  return { ok: true, account };
}
