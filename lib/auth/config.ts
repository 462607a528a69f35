import type { NextAuthConfig } from "next-auth";
import { env } from "@/lib/env";
import { log } from "@/lib/log.mjs";
import { servedOverHttps } from "@/lib/security/headers";

/**
 * Signed-in areas: the proxy sends visitors without a session to /signin first. (/staff is not
 * one: the representatives' console answers 404 to visitors as to everyone but staff.)
 */
export const PROTECTED_PREFIXES = ["/access", "/users", "/account"] as const;

export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
export const SESSION_IDLE_SECONDS = 30 * 60;

export function isProtectedPath(pathname: string): boolean {
  return PROTECTED_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/**
 * Over HTTPS the session cookie is `__Host-` prefixed: Secure, Path=/, no Domain, so no other
 * host (a subdomain) and no plain-HTTP page can set or overwrite it. Read when the server starts.
 */
const secureCookies = servedOverHttps(process.env.APP_URL);
export const SESSION_COOKIE_NAME = secureCookies ? "__Host-authjs.session-token" : "authjs.session-token";

/**
 * The edge-safe part of the Auth.js configuration, shared by proxy.ts (which only
 * redirects) and lib/auth/index.ts (which adds the Credentials provider). The real checks
 * happen in the data-access layer (lib/auth/dal.ts) on every page, action and route.
 */
export const authConfig = {
  trustHost: true,
  pages: { signIn: "/signin", error: "/signin" },
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_SECONDS },
  useSecureCookies: secureCookies,
  cookies: {
    sessionToken: { name: SESSION_COOKIE_NAME, options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies } },
  },
  providers: [],
  callbacks: {
    authorized({ request, auth }) {
      if (!isProtectedPath(request.nextUrl.pathname)) return true;
      if (auth?.sessionId) return true;
      // Built on APP_URL: nothing of the request's Host or X-Forwarded-* headers (which a client
      // can set) goes into the redirect. (Next's proxy refuses a relative Location with a 500.)
      const target = `${request.nextUrl.pathname}${request.nextUrl.search}`;
      return Response.redirect(`${env().APP_URL}/signin?callbackUrl=${encodeURIComponent(target)}`, 302);
    },
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionId = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.sessionId = token.sessionId ?? "";
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  logger: {
    // Failed sign-ins are expected and audited; keep Auth.js from printing stacks for them.
    error(error) {
      const name = (error as { type?: string }).type ?? error.name;
      if (name === "CredentialsSignin") return;
      log.error({ module: "auth", type: name }, error.message);
    },
    warn() {},
  },
} satisfies NextAuthConfig;
