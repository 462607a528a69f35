import { normalizeAddress } from "./client-address.mjs";

/** Who is asking, for the audit log and rate limits. */
export interface RequestContext {
  clientAddress: string | null;
  userAgent: string | null;
  requestId: string;
}

/** The shape of the ids proxy.ts and server.mjs make (crypto.randomUUID()). */
const SERVER_REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * The request id proxy.ts gives a request. Under `npm start` server.mjs has already replaced any
 * client's X-Request-Id with its own, put it on the response and logs the request under it: keep
 * it. Without server.mjs (`next dev`) the header is the client's: make a new one.
 */
export function proxyRequestId(headers: Headers, behindPortalServer: boolean): string {
  const fromServer = headers.get("x-request-id") ?? "";
  return behindPortalServer && SERVER_REQUEST_ID.test(fromServer) ? fromServer : crypto.randomUUID();
}

/**
 * Reads the request context from headers. The client address is the right-most
 * X-Forwarded-For entry: server.mjs (`npm start`) overwrites the header with the one address
 * it trusts (the connection's own, or the one TRUSTED_PROXY_HOPS proxies vouch for), and `next
 * dev` fills it from the connection. X-Real-IP is never read. The request id is the one
 * proxy.ts and server.mjs generate for every request (a client's own value is replaced there);
 * anything else is ignored in favour of a new one.
 */
export function contextFromHeaders(headers: Headers): RequestContext {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const requestId = headers.get("x-request-id") ?? "";
  const userAgent = headers.get("user-agent");
  return {
    clientAddress: normalizeAddress(hops.at(-1)),
    userAgent: userAgent ? userAgent.slice(0, 512) : null,
    requestId: SERVER_REQUEST_ID.test(requestId) ? requestId : crypto.randomUUID(),
  };
}
