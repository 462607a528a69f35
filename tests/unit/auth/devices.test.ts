import { describe, expect, it } from "vitest";
import { deviceCookieName, deviceCookieOptions, deviceIdForSignIn, deviceTokenFor, deviceTokenFromCookieHeader, hashDeviceId, mintDeviceToken, verifyDeviceToken } from "@/lib/auth/devices";
import { env } from "@/lib/env";

describe("the signed device cookie", () => {
  it("carries a random 256-bit id with an HMAC signature that verifies", () => {
    const first = mintDeviceToken();
    const second = mintDeviceToken();
    expect(first.deviceId).not.toBe(second.deviceId);
    expect(first.deviceId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.token).toMatch(/^v1\.[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/);
    expect(verifyDeviceToken(first.token)).toBe(first.deviceId);
  });

  it("refuses a forged, tampered or malformed value", () => {
    const { deviceId, token } = mintDeviceToken();
    const signature = token.split(".")[2]!;
    const other = mintDeviceToken();
    const flipped = `${signature.slice(0, -2)}${signature.at(-2) === "A" ? "B" : "A"}${signature.at(-1)}`;
    for (const bad of [
      `v1.${other.deviceId}.${signature}`, // another id under this signature
      `v1.${deviceId}.${flipped}`,
      `v2.${deviceId}.${signature}`,
      `v1.${deviceId}`,
      `v1.${deviceId}.${signature}.extra`,
      deviceId,
      "",
      undefined,
      42,
      `v1.${"x".repeat(300)}.${signature}`,
    ]) {
      expect(verifyDeviceToken(bad), String(bad)).toBeNull();
    }
  });

  it("is signed with a key derived from AUTH_SECRET: another secret's signature doesn't verify", async () => {
    const { createHmac, hkdfSync } = await import("node:crypto");
    const { deviceId } = mintDeviceToken();
    const otherKey = Buffer.from(hkdfSync("sha256", "another-secret-that-is-at-least-32-characters", "provider-portal", "device-cookie v1", 32));
    const forged = `v1.${deviceId}.${createHmac("sha256", otherKey).update(`v1.${deviceId}`).digest("base64url")}`;
    expect(verifyDeviceToken(forged)).toBeNull();
    expect(verifyDeviceToken(deviceTokenFor(deviceId))).toBe(deviceId);
  });

  it("is stored as a SHA-256 only", () => {
    expect(hashDeviceId("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("is long-lived, HttpOnly, SameSite=Lax, and Secure with the __Host- prefix over HTTPS", () => {
    expect(deviceCookieName()).toBe("portal_device");
    expect(deviceCookieOptions()).toEqual({ httpOnly: true, secure: false, sameSite: "lax", path: "/", maxAge: 400 * 24 * 60 * 60 });
    const https = { ...env(), APP_URL: "https://portal.example.org" };
    expect(deviceCookieName(https)).toBe("__Host-portal_device");
    expect(deviceCookieOptions(https)).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax", path: "/" });
  });

  it("is read from the token the sign-in action passes, else from the Cookie header", () => {
    const passed = mintDeviceToken();
    const cookie = mintDeviceToken();
    const headers = new Headers({ cookie: `a=1; portal_device=${cookie.token}; b=2` });
    expect(deviceTokenFromCookieHeader(headers.get("cookie"))).toBe(cookie.token);
    expect(deviceIdForSignIn(passed.token, headers)).toBe(passed.deviceId);
    expect(deviceIdForSignIn(undefined, headers)).toBe(cookie.deviceId);
    expect(deviceIdForSignIn("v1.forged.value", headers)).toBe(cookie.deviceId);
    expect(deviceIdForSignIn(undefined, new Headers({ cookie: "portal_device=v1.forged.value" }))).toBeNull();
    expect(deviceIdForSignIn(undefined, new Headers())).toBeNull();
  });
});
