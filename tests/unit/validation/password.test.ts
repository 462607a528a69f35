import { describe, expect, it } from "vitest";
import { isCommonPassword, PASSWORD_MAX, PASSWORD_MIN, PasswordSchema } from "@/lib/validation";
import { messagesFor } from "./issues";

const COMMON_MESSAGE = "That password is too common and easy to guess. Choose another.";

describe("PasswordSchema", () => {
  it("allows 12 to 128 characters", () => {
    expect(PASSWORD_MIN).toBe(12);
    expect(PASSWORD_MAX).toBe(128);
    expect(messagesFor(PasswordSchema, "k7#vq!m2pz9")).toEqual(["Use at least 12 characters. A short phrase of a few words is easy to remember."]);
    expect(PasswordSchema.safeParse("k7#vq!m2pz9w").success).toBe(true);
    const longest = "tall pines by the lake ".repeat(6).slice(0, 128);
    expect(longest).toHaveLength(128);
    expect(PasswordSchema.safeParse(longest).success).toBe(true);
    expect(messagesFor(PasswordSchema, `${longest}x`)).toEqual(["Use at most 128 characters."]);
  });

  it("asks for a password first when empty", () => {
    expect(messagesFor(PasswordSchema, "")[0]).toBe("Choose a password.");
    expect(messagesFor(PasswordSchema, undefined)).toEqual(["Choose a password."]);
  });

  it.each(["qwerty123456", "password1234", "123456789012", "1q2w3e4r5t6y", "passwordpassword", "QWERTY123456"])(
    "refuses the common password %j",
    (password) => {
      expect(messagesFor(PasswordSchema, password)).toEqual([COMMON_MESSAGE]);
    },
  );

  it.each(["aaaaaaaaaaaa", "111111111111", "abcabcabcabc", "abcdabcdabcd", "xyxyxyxyxyxy", "Zq9!Zq9!Zq9!"])(
    "refuses the repeated short unit %j",
    (password) => {
      expect(messagesFor(PasswordSchema, password)).toEqual([COMMON_MESSAGE]);
    },
  );

  it("imposes no composition rules: lowercase words, digits only, or no digits are all fine", () => {
    for (const password of ["lakeside clinic front desk", "correct horse battery staple", "839201746582", "ABCDEFGHIJKL", "iloveyou1234"]) {
      expect(messagesFor(PasswordSchema, password), password).toEqual([]);
    }
  });

  it("keeps spaces and case as typed (no trimming)", () => {
    expect(PasswordSchema.parse("  lakeside clinic  ")).toBe("  lakeside clinic  ");
  });
});

describe("isCommonPassword", () => {
  it("is case-insensitive and flags short units repeated", () => {
    expect(isCommonPassword("Qwerty123456")).toBe(true);
    expect(isCommonPassword("xyzxyzxyzxyz")).toBe(true);
    expect(isCommonPassword("abcde".repeat(3))).toBe(false); // a unit of 5 is past the repeat rule
    expect(isCommonPassword("river bend orthopedics")).toBe(false);
  });
});
