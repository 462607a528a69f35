import { encode } from "next-auth/jwt";
import { NextRequest, type NextFetchEvent } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { contentSecurityPolicy, isCrossSiteWrite } from "@/lib/security/headers";

// vitest.config.ts: APP_URL=http://portal.test
const event = { waitUntil: () => {} } as unknown as NextFetchEvent;

function call(url: string, init: ConstructorParameters<typeof NextRequest>[1] = {}) {
  return proxy(new NextRequest(url, init), event);
}

describe("proxy.ts", () => {
  it("gives every page a CSP with a fresh nonce, on the response and to Next on the request", async () => {
    const first = await call("http://portal.test/signin");
    const second = await call("http://portal.test/signin");
    const csp = first.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]{24})'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toContain("'strict-dynamic'");
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", "default-src 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain("unsafe-eval");
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
    // NextResponse.next({ request: { headers } }) hands these to the page.
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("replaces a client's X-Request-Id with a server-made one", async () => {
    const response = await call("http://portal.test/signin", { headers: { "x-request-id": "<script>alert(1)</script>" } });
    const forwarded = response.headers.get("x-middleware-request-x-request-id");
    expect(forwarded).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(response.headers.get("x-request-id")).toBe(forwarded);
  });

  it("keeps the public pages' signed-in hint in step with the session cookie's presence", async () => {
    const hint = (response: Response) => response.headers.getSetCookie().find((cookie) => cookie.startsWith("portal_signed_in="));
    const token = await encode({ token: { sub: "user-1", sessionId: "session-1" }, secret: process.env.AUTH_SECRET!, salt: "authjs.session-token" });
    const signedIn = await call("http://portal.test/", { headers: { cookie: `authjs.session-token=${token}` } });
    expect(hint(signedIn)).toMatch(/^portal_signed_in=1; Path=\/; SameSite=Lax$/);
    const signedOut = await call("http://portal.test/", { headers: { cookie: "portal_signed_in=1" } });
    expect(hint(signedOut)).toMatch(/^portal_signed_in=; .*Max-Age=0$/);
    // Already in step: nothing is written.
    expect(hint(await call("http://portal.test/", { headers: { cookie: `authjs.session-token=${token}; portal_signed_in=1` } }))).toBeUndefined();
    expect(hint(await call("http://portal.test/"))).toBeUndefined();
  });

  it("sends HSTS only when APP_URL is https (here it is not)", async () => {
    expect((await call("http://portal.test/signin")).headers.get("strict-transport-security")).toBeNull();
  });

  it("keeps the CSP on the redirect to sign in", async () => {
    const response = await call("http://portal.test/access");
    expect(response.status).toBe(302);
    expect(response.headers.get("content-security-policy")).toContain("'strict-dynamic'");
  });

  it("answers a server action from another site with 403, not Next's 500", async () => {
    const response = await call("http://portal.test/signin", {
      method: "POST",
      headers: { origin: "https://evil.example", "next-action": "0123456789abcdef0123456789abcdef01234567", "content-type": "text/plain" },
      body: "[]",
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/another site/);
  });

  it("lets a same-site action and a GET from anywhere through", async () => {
    const sameSite = await call("http://portal.test/signin", { method: "POST", headers: { origin: "http://portal.test", "next-action": "x" }, body: "[]" });
    expect(sameSite.status).toBe(200);
    expect(sameSite.headers.get("x-middleware-next")).toBe("1");
    const get = await call("http://portal.test/signin", { headers: { origin: "https://evil.example" } });
    expect(get.status).toBe(200);
  });
});

describe("the security header rules", () => {
  it("adds unsafe-eval only for next dev", () => {
    expect(contentSecurityPolicy("abc", { development: true })).toContain("'unsafe-eval'");
  });

  it("treats a write without Origin as cross-site only when the browser says so", () => {
    const post = (headers: Record<string, string>) => new Request("http://portal.test/signin", { method: "POST", headers });
    expect(isCrossSiteWrite(post({}), "http://portal.test")).toBe(false);
    expect(isCrossSiteWrite(post({ "sec-fetch-site": "cross-site" }), "http://portal.test")).toBe(true);
    expect(isCrossSiteWrite(post({ origin: "null" }), "http://portal.test")).toBe(true);
    expect(isCrossSiteWrite(post({ origin: "http://localhost:3000", host: "localhost:3000" }), "http://127.0.0.1:3000", { development: true })).toBe(false);
  });
});
