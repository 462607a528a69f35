/**
 * The response headers that protect every page: a Content-Security-Policy with a
 * fresh nonce per request, HSTS when the portal is served over HTTPS. proxy.ts applies them.
 */

/** A fresh, unguessable nonce (128 bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64");
}

/**
 * The policy. Scripts run only with this request's nonce ('strict-dynamic' lets Next's own
 * nonce-carrying loader add its chunks); styles allow inline because React and Next set style
 * attributes; the dev mailbox shows emails in a sandboxed srcdoc iframe, which needs no source.
 * `next dev` needs eval for its fast refresh.
 */
export function contentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

export const HSTS = "max-age=31536000; includeSubDomains";

/** Whether the portal's public address is HTTPS (then HSTS and the __Host- session cookie apply). */
export function servedOverHttps(appUrl: string | undefined): boolean {
  return (appUrl ?? "").trim().toLowerCase().startsWith("https://");
}

/** The origin a request must come from to change anything: APP_URL's. */
export function allowedOrigin(appUrl: string): string {
  return new URL(appUrl).origin;
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A request that changes something (a server action or form post, any route's POST) sent by
 * another site: its Origin is not APP_URL's, or the browser says it is cross-site. Next would
 * answer such a server action with a 500; the proxy answers 403. In development a request
 * whose Origin matches its own Host also passes (localhost and 127.0.0.1 both work).
 */
export function isCrossSiteWrite(request: Request, appUrl: string, options: { development?: boolean } = {}): boolean {
  if (!UNSAFE_METHODS.has(request.method.toUpperCase())) return false;
  const origin = request.headers.get("origin");
  if (origin === null) return request.headers.get("sec-fetch-site") === "cross-site";
  if (origin === allowedOrigin(appUrl)) return false;
  if (options.development) {
    try {
      return new URL(origin).host !== request.headers.get("host");
    } catch {
      return true;
    }
  }
  return true;
}
