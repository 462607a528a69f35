import "server-only";
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * A device cookie: "v1.<random id>.<HMAC-SHA256 of the id>", both base64url. It says "this browser
 * has signed in to these accounts before" (known_devices keeps only a SHA-256 of the id), which lets
 * the owner's own browser through the per-account ceiling on failed sign-ins, and tells a sign-in
 * from a new device, which is emailed to the person. The signature keeps anyone from inventing ids.
 */
const VERSION = "v1";
const ID_BYTES = 32;
/** Browsers keep a cookie for at most 400 days. */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

function usesHttps(config = env()): boolean {
  return config.APP_URL.startsWith("https://");
}

/** "__Host-" over HTTPS: the browser then refuses it from any other host, path or insecure page. */
export function deviceCookieName(config = env()): string {
  return usesHttps(config) ? "__Host-portal_device" : "portal_device";
}

export function deviceCookieOptions(config = env()) {
  return { httpOnly: true, secure: usesHttps(config), sameSite: "lax" as const, path: "/", maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS };
}

function deviceKey(config = env()): Buffer {
  return Buffer.from(hkdfSync("sha256", config.AUTH_SECRET, "provider-portal", "device-cookie v1", 32));
}

function sign(id: string): string {
  return createHmac("sha256", deviceKey()).update(`${VERSION}.${id}`).digest("base64url");
}

/** The signed cookie value that carries a device id. */
export function deviceTokenFor(deviceId: string): string {
  return `${VERSION}.${deviceId}.${sign(deviceId)}`;
}

/** A new random device id and the signed cookie value that carries it. */
export function mintDeviceToken(): { deviceId: string; token: string } {
  const deviceId = randomBytes(ID_BYTES).toString("base64url");
  return { deviceId, token: deviceTokenFor(deviceId) };
}

/** The device id in a cookie value, or null when it is missing, malformed, forged or tampered with. */
export function verifyDeviceToken(token: unknown): string | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const [version, deviceId, signature, ...rest] = token.split(".");
  if (version !== VERSION || !deviceId || !signature || rest.length > 0) return null;
  if (!/^[A-Za-z0-9_-]{43}$/.test(deviceId)) return null;
  const expected = Buffer.from(sign(deviceId), "base64url");
  const given = Buffer.from(signature, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : null;
}

/** What known_devices and sessions.device_hash store: never the id itself. */
export function hashDeviceId(deviceId: string): string {
  return createHash("sha256").update(deviceId).digest("hex");
}

/** The device cookie's value in a Cookie header, if there is one. */
export function deviceTokenFromCookieHeader(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  const name = deviceCookieName();
  for (const part of cookieHeader.split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return null;
}

/**
 * The verified device id of a sign-in request: the token the sign-in action passed along (it sets
 * the cookie on a browser that had none), else the request's cookie. Null when neither is valid.
 */
export function deviceIdForSignIn(passedToken: unknown, headers: Headers): string | null {
  return verifyDeviceToken(passedToken) ?? verifyDeviceToken(deviceTokenFromCookieHeader(headers.get("cookie")));
}

/**
 * For the sign-in action: the browser's signed device cookie, set first when it has none (or a
 * forged one), so that a successful sign-in can remember this device. Returns the cookie's value.
 */
export async function ensureDeviceCookie(): Promise<string> {
  const { cookies } = await import("next/headers");
  const jar = await cookies();
  const name = deviceCookieName();
  const current = jar.get(name)?.value;
  if (current && verifyDeviceToken(current)) return current;
  const { token } = mintDeviceToken();
  jar.set(name, token, deviceCookieOptions());
  return token;
}
