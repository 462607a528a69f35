import { randomBytes } from "node:crypto";
import { hashToken } from "@/lib/auth/email-verification";

export { hashToken };

/** A link token: 32 random bytes, base64url. Only its SHA-256 is ever stored. */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

/** What a link token looks like; anything else is refused before the database is asked. */
export function looksLikeLinkToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export { maskEmail } from "@/lib/delegates/mask-email";
