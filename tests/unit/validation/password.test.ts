import { z } from "zod";
import { describe, expect, it } from "vitest";
import { normalizePassword, PASSWORD_MAX, PASSWORD_MIN, PasswordSchema } from "@/lib/validation";
import { checkPasswordStrength, contextWords, refinePasswordStrength, WEAK_PASSWORD_ADVICE } from "@/lib/validation/password-strength";
import { messagesFor } from "./issues";

describe("PasswordSchema (the browser-safe length rules)", () => {
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

  it("keeps spaces and case as typed (no trimming)", () => {
    expect(PasswordSchema.parse("  lakeside clinic  ")).toBe("  lakeside clinic  ");
  });

  it("counts length after NFKC normalization: a ligature is two letters", () => {
    expect(normalizePassword("ﬁ")).toBe("fi");
    expect(normalizePassword("２０２６")).toBe("2026");
    expect(PasswordSchema.safeParse("ﬁﬁﬁﬁﬁﬁ").success).toBe(true); // 12 characters once normalized
  });
});

describe("checkPasswordStrength (zxcvbn, server only)", () => {
  const ann = { firstName: "Ann", lastName: "Rivera", email: "ann.rivera@lakeside.example" };

  it.each(["Password123!", "Welcome12345", "Summer2026!!", "qwertyuiopas", "HealthPartners2026", "ProviderPortal2026", "qwerty123456", "aaaaaaaaaaaa", "abcabcabcabc"])(
    "refuses the predictable %j, saying what to do next",
    (password) => {
      const result = checkPasswordStrength(password, ann);
      expect(result.ok, password).toBe(false);
      if (result.ok) return;
      expect(result.message).toMatch(/^That password is too easy to guess\./);
      expect(result.message).toContain(WEAK_PASSWORD_ADVICE);
    },
  );

  it.each(["AnnRivera2026!", "annrivera12345", "ann.rivera@lakeside", "Rivera Ann 1990", "lakesideexample1"])("refuses the person's own name or email in %j", (password) => {
    const result = checkPasswordStrength(password, ann);
    expect(result).toMatchObject({ ok: false });
  });

  it("names the person's details as the reason when they are what makes it guessable", () => {
    const result = checkPasswordStrength("AnnRivera2026!", ann);
    expect(result).toEqual({ ok: false, message: expect.stringContaining("It contains your name, your email, or the name of the health plan or portal.") });
    // Without the context the same text is not refused for that reason.
    expect(checkPasswordStrength("AnnRivera2026!", {})).not.toEqual(result);
  });

  it("uses the payer's name and the portal's words as context", () => {
    expect(contextWords({})).toEqual(expect.arrayContaining(["healthpartners", "provider", "portal"]));
    expect(contextWords(ann)).toEqual(expect.arrayContaining(["ann", "rivera", "annrivera", "ann.rivera", "lakeside"]));
  });

  it.each(["copper lantern drifting meadow", "tidal-mosaic-quarry-71", "correct horse battery staple", "Vq7#mZ2!pL9x&Rt4"])("accepts the long random passphrase %j", (password) => {
    expect(checkPasswordStrength(password, ann)).toEqual({ ok: true });
  });

  it("judges the NFKC form: full-width digits are the digits they look like", () => {
    expect(checkPasswordStrength("Ｐａｓｓｗｏｒｄ１２３！", ann)).toMatchObject({ ok: false });
  });

  it("as a zod refinement, reports on the password field with the form's own name and email", () => {
    const schema = z.object({ firstName: z.string(), lastName: z.string(), email: z.string(), password: PasswordSchema }).superRefine((value, ctx) => refinePasswordStrength(value, ctx));
    const refused = schema.safeParse({ ...ann, password: "AnnRivera2026!" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.path)).toEqual([["password"]]);
    expect(schema.safeParse({ ...ann, password: "copper lantern drifting meadow" }).success).toBe(true);
    // Too short: only the length message, not a second one about guessing.
    expect(messagesFor(schema, { ...ann, password: "short" })).toEqual(["Use at least 12 characters. A short phrase of a few words is easy to remember."]);
  });
});
