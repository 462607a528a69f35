import "server-only";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

/** RFC 6238 defaults every authenticator app supports: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
/** A code from the step before or after the server's clock is accepted (phones drift). */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

/** A new random secret: 20 bytes (160 bits, RFC 4226's recommendation) in base32. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The secret in groups of four, as a person types it into an app that can't scan. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

export function totpUri(secret: string, accountLabel: string, issuer: string): string {
  return generateURI({ issuer, label: accountLabel, secret });
}

/** The otpauth:// URI as an SVG QR code, drawn on the server (nothing ships to the browser). */
export async function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
}

/** Spaces and dashes people type between the digits are ignored. */
export function normalizeTotpCode(value: string): string {
  return value.replace(/[\s-]/g, "");
}

export function looksLikeTotpCode(value: string): boolean {
  return /^\d{6}$/.test(normalizeTotpCode(value));
}

/**
 * The time step (30-s counter) a code matches, within one step either side of `now`, or null.
 * The caller refuses a step already used (replay) with an atomic update.
 */
export async function matchTotpStep(secret: string, code: string, now: Date): Promise<number | null> {
  const token = normalizeTotpCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({ secret, token, epoch: Math.floor(now.getTime() / 1000), epochTolerance: TOLERANCE_SECONDS });
  if (!result.valid) return null;
  // The TOTP strategy reports the matched step; (the HOTP branch of the union never happens here).
  return "timeStep" in result && typeof result.timeStep === "number" ? result.timeStep : null;
}
