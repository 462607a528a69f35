import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig, SESSION_COOKIE_NAME } from "@/lib/auth/config";
import { SIGNED_IN_HINT_COOKIE } from "@/lib/auth/signed-in-hint";
import { proxyRequestId } from "@/lib/client-context";
import { env } from "@/lib/env";
import { refuseMalformedAction } from "@/lib/security/action-requests";
import { contentSecurityPolicy, createNonce, HSTS, isCrossSiteWrite, servedOverHttps } from "@/lib/security/headers";

// Auth.js only redirects visitors without a session away from signed-in pages (the `authorized`
// callback); every page, action and route handler still checks the session itself (lib/auth/dal.ts).
const { auth } = NextAuth(authConfig);
const authProxy = auth as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

/**
 * Runs before every page, action and route:
 * - refuses a write (server action, form post) sent from another site with a plain 403, and a
 *   malformed or oversized server action call with 400/413 (lib/security/action-requests.ts);
 * - gives the request a fresh CSP nonce (request headers `x-nonce` and `content-security-policy`,
 *   which Next reads to put the nonce on its scripts) and a server-made `x-request-id` (server.mjs's, under `npm start`);
 * - lets Auth.js redirect to sign in, then sets the CSP, HSTS (over HTTPS) and X-Request-Id on the response.
 */
export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  const config = env();
  const development = config.NODE_ENV === "development";
  const https = servedOverHttps(config.APP_URL);
  const requestId = proxyRequestId(request.headers, Boolean((globalThis as Record<symbol, unknown>)[Symbol.for("provider-portal.server")]));

  if (isCrossSiteWrite(request, config.APP_URL, { development })) {
    const refused = new NextResponse("Forbidden: this request came from another site, so nothing was done.\n", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
    refused.headers.set("X-Request-Id", requestId);
    if (https) refused.headers.set("Strict-Transport-Security", HSTS);
    return refused;
  }

  const malformed = await refuseMalformedAction(request);
  if (malformed) {
    const refused = new NextResponse(`${malformed.message}\n`, {
      status: malformed.status,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
    refused.headers.set("X-Request-Id", requestId);
    if (https) refused.headers.set("Strict-Transport-Security", HSTS);
    return refused;
  }

  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { development });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-request-id", requestId);

  const authResponse = await authProxy(request, event);
  let response: Response = authResponse;
  if (authResponse.headers.get("x-middleware-next") === "1") {
    // Go on to the page with the new request headers, keeping any cookie Auth.js refreshed.
    response = NextResponse.next({ request: { headers: requestHeaders } });
    for (const cookie of authResponse.headers.getSetCookie()) response.headers.append("set-cookie", cookie);
  }
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Request-Id", requestId);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  mirrorSignedInHint(request, response, https);
  return response;
}

/**
 * Keeps the readable "signed in" hint (lib/auth/signed-in-hint.ts) in step with the session
 * cookie's presence, for the prerendered public pages' header. Only a difference is written.
 */
function mirrorSignedInHint(request: NextRequest, response: Response, https: boolean): void {
  const hasSession = request.cookies.has(SESSION_COOKIE_NAME);
  const hasHint = request.cookies.get(SIGNED_IN_HINT_COOKIE)?.value === "1";
  if (hasSession === hasHint) return;
  const attributes = `Path=/; SameSite=Lax${https ? "; Secure" : ""}`;
  response.headers.append("set-cookie", hasSession ? `${SIGNED_IN_HINT_COOKIE}=1; ${attributes}` : `${SIGNED_IN_HINT_COOKIE}=; ${attributes}; Max-Age=0`);
}

export const config = {
  // Health probes (/api/health, /api/ready) skip the proxy: no session, cookies or nonce to handle,
  // so a probe costs the least and answers whatever the state of the auth configuration.
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico|api/health$|api/ready$).*)"],
};
