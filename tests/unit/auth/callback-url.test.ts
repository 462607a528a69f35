import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/access", "/access"],
    ["/users/invite", "/users/invite"],
    ["/access?added=411234567", "/access?added=411234567"],
    ["/users/../access", "/access"],
  ])("keeps the path %j on this site as %j", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/ /evil.example",
    "/\u200b/evil.example",
    "/\u00a0/evil.example",
    "\t//evil.example",
    "https://evil.example/access",
    "evil.example",
    "/signin",
    "/api/auth/signout",
    "",
    42,
    undefined,
    `/${"a".repeat(600)}`,
  ])("sends %j to /access instead", (input) => {
    expect(safeCallbackUrl(input)).toBe("/access");
  });
});
