import { describe, expect, it } from "vitest";
import { openPendingRegistration, pendingRegistrationCookieName, sealPendingRegistration } from "@/lib/registration/pending-registration";

const registration = { email: "jordan.lee@lakeside.example", submissionId: "7b0c1f0e-58c4-4c57-9a53-1b2d3c4e5f60" };
const HOUR = 60 * 60 * 1000;

describe("the cookie that remembers a registration for Check your email", () => {
  it("gives back what was sealed, for a day", () => {
    const now = new Date("2026-11-28T15:00:00Z");
    const value = sealPendingRegistration(registration, now);
    expect(value).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(openPendingRegistration(value, now)).toEqual(registration);
    expect(openPendingRegistration(value, new Date(now.getTime() + 23 * HOUR))).toEqual(registration);
    expect(openPendingRegistration(value, new Date(now.getTime() + 24 * HOUR))).toBeNull();
  });

  it("refuses a forged, tampered or malformed value", () => {
    const value = sealPendingRegistration(registration);
    const [version, payload, signature] = value.split(".") as [string, string, string];
    const otherPayload = Buffer.from(JSON.stringify({ e: "someone.else@example.org", s: registration.submissionId, x: 4102444800 })).toString("base64url");
    for (const bad of [
      undefined,
      "",
      "v1",
      `${version}.${payload}`,
      `${version}.${otherPayload}.${signature}`,
      `v2.${payload}.${signature}`,
      `${value}.extra`,
      `${version}.${payload}.${signature.slice(0, -1)}`,
      "x".repeat(2000),
    ]) {
      expect(openPendingRegistration(bad), String(bad)).toBeNull();
    }
  });

  it("is named for the address the portal is served from", () => {
    // The test environment's APP_URL is http: a plain name (over HTTPS it is a __Host- cookie).
    expect(pendingRegistrationCookieName()).toBe("portal_registration");
  });
});
