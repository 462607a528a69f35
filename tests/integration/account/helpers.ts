import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { insertAccount } from "@/db/queries/accounts";
import { sessions } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { startSession } from "@/lib/auth/sessions";
import { buildRequestContext } from "@/tests/factories/request-context";

export const PASSWORD = "front desk morning coffee";

export interface Person {
  userId: string;
  email: string;
  firstName: string;
  password: string;
}

/** An active, confirmed account of its own (lowercase address, known password). */
export async function createPerson(overrides: { email?: string; confirmed?: boolean; password?: string } = {}): Promise<Person> {
  const email = overrides.email ?? `dana.${randomUUID().slice(0, 8)}@lakeside.example`;
  const password = overrides.password ?? PASSWORD;
  const now = new Date();
  const row = await insertAccount(db, {
    email,
    firstName: "Dana",
    lastName: "Lee",
    phone: "6125550101",
    passwordHash: await hashPassword(password),
    accountType: "provider",
    emailVerifiedAt: overrides.confirmed === false ? null : now,
    now,
  });
  if (!row) throw new Error(`An account for ${email} exists already.`);
  return { userId: row.id, email, firstName: "Dana", password };
}

/** A signed-in session of the person, from a browser of its own. */
export async function signedIn(person: Person, userAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130.0 Safari/537.36", now = new Date()) {
  return startSession(db, person.userId, buildRequestContext({ userAgent }), now);
}

export async function sessionEnd(sessionId: string) {
  const [row] = await db.select({ endedAt: sessions.endedAt, endReason: sessions.endReason }).from(sessions).where(eq(sessions.id, sessionId));
  if (!row) throw new Error(`No session ${sessionId}`);
  return row;
}

/** The token in the newest link of a given path in an email's HTML. */
export function linkToken(html: string, path: string): string {
  const match = new RegExp(`${path.replace(/[/-]/g, "\\$&")}\\?token=([A-Za-z0-9_-]+)`).exec(html);
  if (!match?.[1]) throw new Error(`No ${path}?token= link in this email.`);
  return match[1];
}
