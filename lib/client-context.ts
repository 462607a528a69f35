/** Who is asking, for the audit log and rate limits. */
export interface RequestContext {
  clientAddress: string | null;
  userAgent: string | null;
  requestId: string;
}

/**
 * Reads the request context from headers. The client address is the right-most
 * X-Forwarded-For entry: the one added by the nearest proxy (Next fills the header from
 * the socket when no proxy set it).
 */
export function contextFromHeaders(headers: Headers): RequestContext {
  const hops = (headers.get("x-forwarded-for") ?? headers.get("x-real-ip") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  return {
    clientAddress: (hops.at(-1) ?? "").replace(/^::ffff:/, "").slice(0, 64) || null,
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
    requestId: headers.get("x-request-id")?.slice(0, 64) ?? crypto.randomUUID(),
  };
}
