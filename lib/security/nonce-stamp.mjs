// Prerendered pages carry this request's CSP nonce too. Next writes a static page's HTML once, at
// build time, when there is no request and so no nonce: its <script> tags have none, and the
// policy (script-src 'nonce-…' 'strict-dynamic') would block them. server.mjs passes such a
// page's HTML through a stamper that gives every <script> tag this response's
// nonce (the one proxy.ts put in its Content-Security-Policy). Only HTML that Next produced at
// build time from the portal's own code is stamped, never a page rendered from request data.
// Plain JavaScript because server.mjs runs without a build step.
import { StringDecoder } from "node:string_decoder";

const TAGS = ["<script", "<link"];

/** The nonce in a Content-Security-Policy's script-src, or null. */
export function nonceFromPolicy(policy) {
  if (typeof policy !== "string") return null;
  const match = /'nonce-([A-Za-z0-9+/_=-]+)'/.exec(policy);
  return match ? match[1] : null;
}

/**
 * A streaming stamper for one response: feed it the HTML's chunks in order, then flush().
 * A tag split across two chunks is held back until the next one completes it.
 * @param {string} nonce
 */
export function createNonceStamper(nonce) {
  if (!/^[A-Za-z0-9+/_=-]+$/.test(nonce)) throw new Error("Refusing to stamp a nonce that isn't base64.");
  const decoder = new StringDecoder("utf8");
  let carry = "";

  // <script> tags, and the <link>s that preload a script (the policy checks those fetches too).
  const stamp = (html) =>
    html.replace(/<(script|link)(?=[\s>/])([^>]*)>/gi, (tag, name, attributes) => {
      if (name.toLowerCase() === "link" && !/\sas="script"|\srel="modulepreload"/i.test(attributes)) return tag;
      // A prerendered page that Next regenerated while answering some request (after a
      // revalidatePath) carries that request's nonce: it is replaced like a missing one.
      return `<${name} nonce="${nonce}"${attributes.replace(/\snonce="[^"]*"/gi, "")}>`;
    });

  /** @param {string | Buffer | Uint8Array} chunk */
  function push(chunk) {
    const text = carry + (typeof chunk === "string" ? chunk : decoder.write(Buffer.from(chunk)));
    // Hold back a possible unfinished tag: from the last "<" that is not yet closed by ">".
    const open = text.lastIndexOf("<");
    const holdFrom = open >= 0 && text.indexOf(">", open) === -1 && couldStartScript(text.slice(open)) ? open : text.length;
    carry = text.slice(holdFrom);
    return stamp(text.slice(0, holdFrom));
  }

  function flush() {
    const rest = carry + decoder.end();
    carry = "";
    return stamp(rest);
  }

  return { push, flush };
}

/** Whether an unfinished piece of markup may still become a <script …> or <link …> tag. */
function couldStartScript(piece) {
  const lower = piece.toLowerCase();
  return TAGS.some((tag) => tag.startsWith(lower.slice(0, tag.length)));
}

/**
 * Wraps a Node response so that, when it turns out to be a prerendered HTML page (Next marks them
 * `x-nextjs-prerender`), its body is stamped with the nonce of its own Content-Security-Policy, and
 * it is marked private and not reusable: the body now differs per response, so no ETag, no
 * Content-Length, no shared caching. Other responses pass through untouched.
 * @param {import("node:http").ServerResponse} response
 */
export function stampPrerenderedNonces(response) {
  const originalWrite = response.write;
  const originalEnd = response.end;
  const originalWriteHead = response.writeHead;
  /** @type {ReturnType<typeof createNonceStamper> | null | undefined} */
  let stamper;

  const decide = () => {
    if (stamper !== undefined) return stamper;
    stamper = null;
    const type = String(response.getHeader("content-type") ?? "");
    if (!type.startsWith("text/html") || !response.getHeader("x-nextjs-prerender") || response.headersSent) return stamper;
    const nonce = nonceFromPolicy(response.getHeader("content-security-policy"));
    if (!nonce) return stamper;
    stamper = createNonceStamper(nonce);
    response.removeHeader("etag");
    response.removeHeader("content-length");
    response.setHeader("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
    return stamper;
  };

  response.writeHead = function writeHead(...args) {
    decide();
    return originalWriteHead.apply(this, args);
  };
  response.write = function write(chunk, encoding, callback) {
    const active = decide();
    if (!active || chunk == null) return originalWrite.call(this, chunk, encoding, callback);
    const text = active.push(typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : chunk);
    return originalWrite.call(this, text, "utf8", typeof encoding === "function" ? encoding : callback);
  };
  response.end = function end(chunk, encoding, callback) {
    const active = decide();
    if (!active) return originalEnd.call(this, chunk, encoding, callback);
    if (typeof chunk === "function") {
      callback = chunk;
      chunk = undefined;
    } else if (typeof encoding === "function") {
      callback = encoding;
      encoding = undefined;
    }
    let text = chunk == null ? "" : active.push(typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : chunk);
    text += active.flush();
    return originalEnd.call(this, text, "utf8", callback);
  };
  return response;
}
