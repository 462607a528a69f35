import { describe, expect, it } from "vitest";
import { generateSync } from "otplib";
import { hashRecoveryCode, newRecoveryCode, newRecoveryCodeSet, normalizeRecoveryCode } from "@/lib/auth/mfa/recovery-codes";
import { isFreshSecondStep, secondStepDue, secondStepPath } from "@/lib/auth/mfa/policy";
import { openTotpSecret, sealTotpSecret, totpSecretKey } from "@/lib/auth/mfa/secret-cipher";
import { groupSecret, matchTotpStep, newTotpSecret } from "@/lib/auth/mfa/totp";
import { pinLetterKey } from "@/lib/pin-letters/pin-cipher";

const none = { totpConfirmedAt: null, passkeyCount: 0, recoveryCodesLeft: 0 };

describe("second-step policy", () => {
  it("asks for a code when the account has a factor, a first factor when one is required, else nothing", () => {
    expect(secondStepDue({ mfaVerifiedAt: null, accountType: "provider" }, none, false)).toBe("none");
    expect(secondStepDue({ mfaVerifiedAt: null, accountType: "provider" }, none, true)).toBe("setup");
    expect(secondStepDue({ mfaVerifiedAt: null, accountType: "staff" }, none, false)).toBe("setup");
    expect(secondStepDue({ mfaVerifiedAt: null, accountType: "billing" }, { ...none, passkeyCount: 1 }, false)).toBe("verify");
    expect(secondStepDue({ mfaVerifiedAt: null, accountType: "provider" }, { ...none, totpConfirmedAt: new Date() }, false)).toBe("verify");
    expect(secondStepDue({ mfaVerifiedAt: new Date(), accountType: "staff" }, none, true)).toBe("none");
  });

  it("counts a second step as fresh for 10 minutes", () => {
    const at = new Date("2026-11-27T10:00:00Z");
    expect(isFreshSecondStep(null, at)).toBe(false);
    expect(isFreshSecondStep(at, new Date(at.getTime() + 10 * 60 * 1000))).toBe(true);
    expect(isFreshSecondStep(at, new Date(at.getTime() + 10 * 60 * 1000 + 1))).toBe(false);
  });

  it("keeps where the person was going", () => {
    expect(secondStepPath("verify", "/users?x=1")).toBe("/signin/two-step?callbackUrl=%2Fusers%3Fx%3D1");
    expect(secondStepPath("setup", null)).toBe("/account/security/setup");
  });
});

describe("authenticator codes (RFC 6238)", () => {
  it("match the RFC's SHA-1 test vector's time steps, within one step either side", async () => {
    // RFC 6238 appendix B: secret "12345678901234567890" (base32 GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ), T = 59 s gives 287082 (6 digits).
    const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(await matchTotpStep(secret, "287082", new Date(59_000))).toBe(1);
    expect(await matchTotpStep(secret, "287 082", new Date(59_000 + 30_000))).toBe(1);
    expect(await matchTotpStep(secret, "287082", new Date(59_000 + 60_000))).toBeNull();
    expect(await matchTotpStep(secret, "28708", new Date(59_000))).toBeNull();
    expect(await matchTotpStep(secret, "abcdef", new Date(59_000))).toBeNull();
  });

  it("come from a new 160-bit secret, shown in groups of four", async () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(groupSecret("ABCDEFGHIJKL")).toBe("ABCD EFGH IJKL");
    const now = new Date();
    expect(await matchTotpStep(secret, generateSync({ secret, epoch: Math.floor(now.getTime() / 1000) }), now)).toBe(Math.floor(now.getTime() / 30_000));
  });

  it("secrets are sealed with a key of their own (not the PIN letters')", () => {
    const sealed = sealTotpSecret("JBSWY3DPEHPK3PXP");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(openTotpSecret(sealed)).toBe("JBSWY3DPEHPK3PXP");
    expect(totpSecretKey().equals(pinLetterKey({ AUTH_SECRET: process.env.AUTH_SECRET! }))).toBe(false);
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(() => openTotpSecret(tampered)).toThrow();
  });
});

describe("recovery codes", () => {
  it("are xxxx-xxxx-xx from an alphabet without look-alikes", () => {
    for (let i = 0; i < 50; i += 1) expect(newRecoveryCode()).toMatch(/^[acdefghjkmnpqrtuvwxy34679]{4}-[acdefghjkmnpqrtuvwxy34679]{4}-[acdefghjkmnpqrtuvwxy34679]{2}$/);
  });

  it("are read whatever the case, spaces and dashes, and refused when they can't be one", () => {
    expect(normalizeRecoveryCode("acde-fghj-km")).toBe("ACDEFGHJKM");
    expect(normalizeRecoveryCode(" ACDE FGHJ KM ")).toBe("ACDEFGHJKM");
    expect(normalizeRecoveryCode("acdefghjkm")).toBe("ACDEFGHJKM");
    expect(normalizeRecoveryCode("acde-fghj-k")).toBeNull();
    expect(normalizeRecoveryCode("0cde-fghj-km")).toBeNull();
    expect(normalizeRecoveryCode("123456")).toBeNull();
  });

  it("are stored as an HMAC-SHA-256 of the normalized code", () => {
    const { codes, hashes } = newRecoveryCodeSet();
    expect(codes).toHaveLength(10);
    expect(hashes[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(normalizeRecoveryCode(codes[0]!.toUpperCase())!)).toBe(hashes[0]);
  });
});
