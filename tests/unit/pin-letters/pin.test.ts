import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";
import { generatePin } from "@/lib/pin-letters/generate-pin";
import { maskedAddress, maskStreet } from "@/lib/pin-letters/mask-address";
import { decryptPin, encryptPin, pinLetterKey } from "@/lib/pin-letters/pin-cipher";
import { formatPin, normalizePin, PIN_ALPHABET, PinSchema } from "@/lib/validation/pin";

describe("PINs", () => {
  it("uses an alphabet without look-alikes", () => {
    expect(PIN_ALPHABET).toBe("ABCDEFGHJKMNPQRSTUVWXYZ23456789");
    for (const lookAlike of ["0", "O", "1", "I", "L"]) expect(PIN_ALPHABET).not.toContain(lookAlike);
  });

  it("draws 8 characters from the alphabet, covering all of it", () => {
    const seen = new Set<string>();
    for (let index = 0; index < 500; index += 1) {
      const pin = generatePin();
      expect(pin).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
      for (const character of pin) seen.add(character);
    }
    expect(seen.size).toBe(PIN_ALPHABET.length);
  });

  it("is typed ignoring case, spaces and dashes, and shown grouped", () => {
    expect(normalizePin(" abcd - efgh ")).toBe("ABCDEFGH");
    expect(formatPin("ABCDEFGH")).toBe("ABCD-EFGH");
    expect(PinSchema.parse("abcd-efgh")).toBe("ABCDEFGH");
    expect(PinSchema.safeParse("ABCD-EFG").success).toBe(false);
    expect(PinSchema.safeParse("ABCD-EFG0").error?.issues[0]?.message).toMatch(/never contains 0, 1, I, L or O/);
    expect(PinSchema.safeParse("").error?.issues[0]?.message).toBe("Enter the PIN printed on the letter.");
  });
});

describe("PIN letter addresses and encryption", () => {
  it("masks the house number", () => {
    expect(maskStreet("500 Birch Ln")).toBe("5•• Birch Ln");
    expect(maskedAddress({ name: "Birchwood Clinic", addressLine1: "500 Birch Ln", addressLine2: "Suite 2", city: "Bloomington", state: "MN", postalCode: "55420" })).toBe(
      "Birchwood Clinic, 5•• Birch Ln, Bloomington, MN 55420",
    );
  });

  it("seals a PIN with AES-256-GCM and refuses a tampered copy or another key", () => {
    const sealed = encryptPin("ABCDEFGH");
    expect(sealed).not.toContain("ABCDEFGH");
    expect(encryptPin("ABCDEFGH")).not.toBe(sealed);
    expect(decryptPin(sealed)).toBe("ABCDEFGH");
    const parts = sealed.split(".");
    parts[3] = Buffer.from("XXXXXXXX").toString("base64url");
    expect(() => decryptPin(parts.join("."))).toThrow();
    expect(() => decryptPin(sealed, Buffer.alloc(32, 7))).toThrow();
  });

  it("takes PIN_LETTER_KEY (base64 of 32 bytes) or derives a key from AUTH_SECRET", () => {
    const key = Buffer.alloc(32, 3).toString("base64");
    expect(pinLetterKey({ PIN_LETTER_KEY: key, AUTH_SECRET: "x".repeat(32) })).toEqual(Buffer.alloc(32, 3));
    const derived = pinLetterKey({ AUTH_SECRET: "x".repeat(32) });
    expect(derived).toHaveLength(32);
    expect(pinLetterKey({ AUTH_SECRET: "y".repeat(32) })).not.toEqual(derived);
    expect(parseEnv({ AUTH_SECRET: "x".repeat(32), PIN_LETTER_KEY: key }).PIN_LETTER_KEY).toBe(key);
    expect(parseEnv({ AUTH_SECRET: "x".repeat(32) }).PAYER_PHONE).toBe("1-800-555-0199");
    expect(() => parseEnv({ AUTH_SECRET: "x".repeat(32), PIN_LETTER_KEY: "too-short" })).toThrow(EnvError);
    expect(() => parseEnv({ AUTH_SECRET: "x".repeat(32), PIN_LETTER_KEY: Buffer.alloc(16).toString("base64") })).toThrow(/PIN_LETTER_KEY must be the base64 encoding of exactly 32 bytes/);
  });
});
