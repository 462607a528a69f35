import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { authConfig } from "@/lib/auth/config";

type Authorized = (params: { request: NextRequest; auth: unknown }) => unknown;
const authorized = authConfig.callbacks.authorized as unknown as Authorized;

describe("the proxy's redirect to sign in", () => {
  it("goes to APP_URL, whatever Host and X-Forwarded-* the client sent", () => {
    const request = new NextRequest("http://127.0.0.1:3000/users/invite?from=nudge", {
      headers: { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
    });
    const response = authorized({ request, auth: null }) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://portal.test/signin?callbackUrl=%2Fusers%2Finvite%3Ffrom%3Dnudge");
  });

  it("lets public pages and signed-in visitors through", () => {
    expect(authorized({ request: new NextRequest("http://127.0.0.1:3000/register"), auth: null })).toBe(true);
    expect(authorized({ request: new NextRequest("http://127.0.0.1:3000/access"), auth: { sessionId: "s" } })).toBe(true);
  });
});
