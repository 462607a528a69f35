import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { VERIFICATION_HOURS } from "@/lib/auth/email-verification";
import { env } from "@/lib/env";

/**
 * The browser that just registered remembers what it registered, for "Check your email": the
 * address it typed (shown back: "We sent it to …") and the form's submission id (which finds the
 * account that registration created, if it created one). A signed, HttpOnly cookie
 * "v1.<payload>.<HMAC-SHA256>" that lasts as long as a confirmation link. It is set the same way
 * whether the address was new or already had an account, and it shows the person only what they
 * typed, so it tells nothing about other people's accounts; the signature keeps anyone from
 * pointing "Send it again" at a registration of someone else's.
 */
const VERSION = "v1";
const MAX_AGE_SECONDS = VERIFICATION_HOURS * 60 * 60;

export interface PendingRegistration {
  email: string;
  submissionId: string;
}

function usesHttps(config = env()): boolean {
  return config.APP_URL.startsWith("https://");
}

/** "__Host-" over HTTPS: the browser then refuses it from any other host, path or insecure page. */
export function pendingRegistrationCookieName(config = env()): string {
  return usesHttps(config) ? "__Host-portal_registration" : "portal_registration";
}

function key(config = env()): Buffer {
  return Buffer.from(hkdfSync("sha256", config.AUTH_SECRET, "provider-portal", "pending-registration cookie v1", 32));
}

function sign(payload: string): string {
  return createHmac("sha256", key()).update(`${VERSION}.${payload}`).digest("base64url");
}

/** The signed cookie value for a registration made now. */
export function sealPendingRegistration(registration: PendingRegistration, now = new Date()): string {
  const expires = Math.floor(now.getTime() / 1000) + MAX_AGE_SECONDS;
  const payload = Buffer.from(JSON.stringify({ e: registration.email, s: registration.submissionId, x: expires })).toString("base64url");
  return `${VERSION}.${payload}.${sign(payload)}`;
}

/** The registration in a cookie value, or null when it is missing, malformed, forged, tampered with or past its day. */
export function openPendingRegistration(value: unknown, now = new Date()): PendingRegistration | null {
  if (typeof value !== "string" || value.length > 1200) return null;
  const [version, payload, signature, ...rest] = value.split(".");
  if (version !== VERSION || !payload || !signature || rest.length > 0) return null;
  const expected = Buffer.from(sign(payload), "base64url");
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { e?: unknown; s?: unknown; x?: unknown };
    if (typeof data.e !== "string" || typeof data.s !== "string" || typeof data.x !== "number") return null;
    if (data.x * 1000 <= now.getTime()) return null;
    return { email: data.e, submissionId: data.s };
  } catch {
    return null;
  }
}

/** For a registration action that succeeded: this browser remembers it (before the redirect to "Check your email"). */
export async function rememberPendingRegistration(registration: PendingRegistration): Promise<void> {
  const { cookies } = await import("next/headers");
  (await cookies()).set(pendingRegistrationCookieName(), sealPendingRegistration(registration), {
    httpOnly: true,
    secure: usesHttps(),
    sameSite: "lax",
    path: "/",
    maxAge: MAX_AGE_SECONDS,
  });
}

/** The registration this browser made in the last day, if it made one (for "Check your email" and "Send it again"). */
export async function pendingRegistration(): Promise<PendingRegistration | null> {
  const { cookies } = await import("next/headers");
  return openPendingRegistration((await cookies()).get(pendingRegistrationCookieName())?.value);
}
