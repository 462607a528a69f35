import { afterEach, describe, expect, it, vi } from "vitest";

async function freshConfig(appUrl: string) {
  vi.resetModules();
  vi.stubEnv("APP_URL", appUrl);
  return import("@/lib/auth/config");
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("the session cookie", () => {
  it("is __Host- prefixed and Secure with Path=/ when the portal is served over HTTPS", async () => {
    const { authConfig, SESSION_COOKIE_NAME } = await freshConfig("https://portal.example.org");
    expect(SESSION_COOKIE_NAME).toBe("__Host-authjs.session-token");
    expect(authConfig.useSecureCookies).toBe(true);
    expect(authConfig.cookies.sessionToken).toEqual({
      name: "__Host-authjs.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
  });

  it("keeps a plain name over HTTP (local development, the e2e server), where browsers refuse prefixed cookies", async () => {
    const { authConfig } = await freshConfig("http://127.0.0.1:3000");
    expect(authConfig.cookies.sessionToken.name).toBe("authjs.session-token");
    expect(authConfig.useSecureCookies).toBe(false);
  });
});
