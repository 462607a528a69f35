import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

const VERSION = "v1";

/**
 * The key that seals authenticator secrets, derived from AUTH_SECRET with HKDF under an info
 * string of its own (the PIN letters' key is another derivation; see lib/pin-letters/pin-cipher.ts).
 * Changing AUTH_SECRET makes enrolled authenticators unreadable: people then set them up again.
 */
export function totpSecretKey(config: { AUTH_SECRET: string } = env()): Buffer {
  return Buffer.from(hkdfSync("sha256", config.AUTH_SECRET, "provider-portal", "totp-secret-key v1", 32));
}

/** AES-256-GCM with a fresh 12-byte IV: "v1.<iv>.<tag>.<ciphertext>" in base64url. */
export function sealTotpSecret(secret: string, key = totpSecretKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** The secret back, or an error when the text was tampered with or the key changed. */
export function openTotpSecret(sealed: string, key = totpSecretKey()): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || !ciphertext) throw new Error("Not a sealed authenticator secret.");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
