/**
 * Checks a server action's request before Next reads it (proxy.ts), so that a malformed one
 * gets a 4xx instead of the 500 Next answers when its own parsing throws: a body that is not
 * the JSON or multipart form React sends, an empty or oversized body, a Host that is not the
 * one the browser addressed (Next aborts those with "Invalid Server Actions request").
 */

/** Next's default server action body limit (serverActions.bodySizeLimit "1mb"): larger bodies get 413 here first. */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export interface Refusal {
  status: 400 | 413;
  message: string;
}

/** A server action call: React's fetch (Next-Action header) or a form posted before the page's scripts loaded (multipart). */
export function isActionRequest(request: Request): boolean {
  if (request.method.toUpperCase() !== "POST") return false;
  if (new URL(request.url).pathname.startsWith("/api/")) return false;
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  return request.headers.has("next-action") || type.startsWith("multipart/form-data");
}

export async function refuseMalformedAction(request: Request, limit = ACTION_BODY_LIMIT_BYTES): Promise<Refusal | null> {
  if (!isActionRequest(request)) return null;
  const tooLarge: Refusal = { status: 413, message: "This form sent more than the portal accepts (1 MB). Nothing was saved." };
  const malformed: Refusal = { status: 400, message: "The portal could not read this form submission. Nothing was saved: reload the page and try again." };

  const origin = request.headers.get("origin");
  if (origin) {
    const addressed = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      return malformed;
    }
    if (addressed && addressed !== originHost) return malformed;
  }

  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limit) return tooLarge;
  let body: ArrayBuffer;
  try {
    body = await request.clone().arrayBuffer();
  } catch {
    return malformed;
  }
  if (body.byteLength > limit) return tooLarge;

  const type = request.headers.get("content-type") ?? "";
  if (type.toLowerCase().startsWith("multipart/form-data")) {
    try {
      await new Response(body, { headers: { "content-type": type } }).formData();
      return null;
    } catch {
      return malformed;
    }
  }
  if (type.toLowerCase().startsWith("application/x-www-form-urlencoded")) return null;
  // React sends the arguments as JSON text.
  try {
    JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
    return null;
  } catch {
    return malformed;
  }
}
