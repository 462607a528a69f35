import { hash, verify } from "@node-rs/argon2";
import { normalizePassword } from "@/lib/validation/password";

/** OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane. */
const ARGON2_OPTIONS = {
  // Algorithm.Argon2id; the package exports it as an ambient const enum, which isolatedModules can't read.
  algorithm: 2 as const,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

/** Hashes the NFKC form of the text, so the same password typed on another keyboard or device matches. */
export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), ARGON2_OPTIONS);
}

// A hash of a random string, verified against when the email is unknown so that a
// sign-in for a missing account takes as long as one for a real account.
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    decoyHash ??= hashPassword(crypto.randomUUID());
    await verify(await decoyHash, normalizePassword(password)).catch(() => false);
    return false;
  }
  try {
    const normalized = normalizePassword(password);
    if (await verify(passwordHash, normalized)) return true;
    // A hash made before passwords were normalized holds the text as it was typed then.
    return normalized !== password && (await verify(passwordHash, password));
  } catch {
    return false;
  }
}
