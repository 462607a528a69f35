import { describe, expect, it } from "vitest";
import { hashToken, looksLikeLinkToken, maskEmail, newLinkToken } from "@/lib/account/tokens";

describe("link tokens", () => {
  it("are 32 random bytes in base64url, stored as their SHA-256", () => {
    const { token, tokenHash } = newLinkToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(tokenHash).toBe(hashToken(token));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(newLinkToken().token).not.toBe(token);
    expect(looksLikeLinkToken(token)).toBe(true);
    for (const bad of ["", "short", `${token}=`, `${token.slice(1)}/`, token.slice(1)]) expect(looksLikeLinkToken(bad), bad).toBe(false);
  });
});

describe("maskEmail", () => {
  it("keeps the first letter and the domain", () => {
    expect(maskEmail("nora.new@example.com")).toBe("n•••@example.com");
    expect(maskEmail("x@clinic.example")).toBe("x•••@clinic.example");
    expect(maskEmail("not-an-address")).toBe("•••");
  });
});
