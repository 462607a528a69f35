import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/db/client";
import { findAccountContact, insertAccount } from "@/db/queries/accounts";
import { insertPasswordResetToken } from "@/db/queries/password-reset";
import { newLinkToken } from "@/lib/account/tokens";
import { recordAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { EmailSchema, FirstNameSchema, LastNameSchema, PhoneSchema } from "@/lib/validation/person";

/** How long a new representative's password-setup link works. */
export const STAFF_SETUP_LINK_HOURS = 24;

export const StaffAccountSchema = z.object({
  email: EmailSchema,
  name: z
    .string({ error: "Give the representative's name, like --name \"Riley Reyes\"." })
    .trim()
    .refine((value) => /\S\s+\S/.test(value), "Give a first and a last name, like --name \"Riley Reyes\"."),
  phone: PhoneSchema.optional(),
});

/** "Mary Ann Smith" is Mary Ann, Smith: the last word is the last name. */
export function splitName(name: string): { firstName: string; lastName: string } {
  const words = name.trim().split(/\s+/);
  return { firstName: words.slice(0, -1).join(" "), lastName: words.at(-1) ?? "" };
}

export type CreateStaffAccountResult =
  | { ok: true; userId: string; email: string; setupUrl: string; expiresAt: Date }
  | { ok: false; code: "email_taken"; accountType: "provider" | "billing" | "staff" }
  | { ok: false; code: "invalid"; errors: string[] };

/**
 * Creates a representative's account (`npm run staff:create`), the only way a staff account comes
 * to exist: self-registration creates provider and billing accounts only. The email counts as
 * confirmed (an administrator typed it); the password is random and never shown: the person sets
 * their own with a single-use link, then must add a second step at their first sign-in.
 */
export async function createStaffAccount(input: { email?: string; name?: string; phone?: string }, now = new Date()): Promise<CreateStaffAccountResult> {
  const parsed = StaffAccountSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid", errors: parsed.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`) };
  const names = splitName(parsed.data.name);
  const nameCheck = z.object({ firstName: FirstNameSchema, lastName: LastNameSchema }).safeParse(names);
  if (!nameCheck.success) return { ok: false, code: "invalid", errors: nameCheck.error.issues.map((issue) => `--name: ${issue.message}`) };
  const config = env();
  // Without --phone, the health plan's own number: a representative is reached through it.
  const phone = parsed.data.phone ?? PhoneSchema.parse(config.PAYER_PHONE);
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));

  return db.transaction(async (tx) => {
    const user = await insertAccount(tx, { email: parsed.data.email, ...nameCheck.data, phone, passwordHash, accountType: "staff", emailVerifiedAt: now, now });
    if (!user) {
      const existing = await findAccountContact(tx, { email: parsed.data.email });
      return { ok: false, code: "email_taken", accountType: existing?.accountType ?? "provider" } as const;
    }
    const { token, tokenHash } = newLinkToken();
    const expiresAt = new Date(now.getTime() + STAFF_SETUP_LINK_HOURS * 60 * 60 * 1000);
    await insertPasswordResetToken(tx, { tokenHash, userId: user.id, now, expiresAt });
    await recordAudit(tx, null, { action: "staff.account_created", outcome: "success", subjectUserId: user.id, reason: "staff_create_command" });
    return { ok: true, userId: user.id, email: user.email, setupUrl: `${config.APP_URL}/reset-password?token=${encodeURIComponent(token)}`, expiresAt } as const;
  });
}
