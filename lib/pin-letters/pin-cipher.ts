import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

const VERSION = "v1";

/**
 * The key for PINs waiting to be printed: PIN_LETTER_KEY, or one derived from AUTH_SECRET with
 * HKDF when it is unset (a separate key in production lets AUTH_SECRET rotate without making
 * queued letters unreadable).
 */
export function pinLetterKey(config: { PIN_LETTER_KEY?: string; AUTH_SECRET: string } = env()): Buffer {
  if (config.PIN_LETTER_KEY) return Buffer.from(config.PIN_LETTER_KEY, "base64");
  return Buffer.from(hkdfSync("sha256", config.AUTH_SECRET, "provider-portal", "pin-letter-key v1", 32));
}

/** AES-256-GCM with a fresh 12-byte IV: "v1.<iv>.<tag>.<ciphertext>" in base64url. */
export function encryptPin(pin: string, key = pinLetterKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(pin, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** The PIN back, or an error when the text was tampered with or the key changed. */
export function decryptPin(sealed: string, key = pinLetterKey()): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || !ciphertext) throw new Error("Not a sealed PIN.");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
