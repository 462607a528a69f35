import "server-only";
import { createHmac, hkdfSync, randomInt } from "node:crypto";
import { env } from "@/lib/env";

export const RECOVERY_CODE_COUNT = 10;
/** No 0/O, 1/I/L, 5/S, 2/Z, 8/B: letters and digits nobody confuses when reading them off paper. */
const ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
const LENGTH = 10;

/** "xxxx-xxxx-xx": 10 characters of a 25-letter alphabet, about 46 bits each. */
export function newRecoveryCode(): string {
  let raw = "";
  for (let i = 0; i < LENGTH; i += 1) raw += ALPHABET[randomInt(ALPHABET.length)];
  return formatRecoveryCode(raw);
}

export function formatRecoveryCode(raw: string): string {
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`.toLowerCase();
}

/** What a person typed, without case, spaces or dashes; null when it can't be a recovery code. */
export function normalizeRecoveryCode(value: string): string | null {
  const raw = value.replace(/[\s\-–—_.]/g, "").toUpperCase();
  if (raw.length !== LENGTH || ![...raw].every((character) => ALPHABET.includes(character))) return null;
  return raw;
}

function recoveryCodeKey(config: { AUTH_SECRET: string } = env()): Buffer {
  return Buffer.from(hkdfSync("sha256", config.AUTH_SECRET, "provider-portal", "recovery-code-hmac v1", 32));
}

/** HMAC-SHA-256 of the normalized code, hex: what is stored (a keyed hash, so a stolen table can't be brute-forced offline). */
export function hashRecoveryCode(normalized: string, key = recoveryCodeKey()): string {
  return createHmac("sha256", key).update(normalized).digest("hex");
}

export function newRecoveryCodeSet(): { codes: string[]; hashes: string[] } {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(newRecoveryCode());
  const list = [...codes];
  return { codes: list, hashes: list.map((code) => hashRecoveryCode(normalizeRecoveryCode(code)!)) };
}
