import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createNonceStamper, nonceFromPolicy } from "@/lib/security/nonce-stamp.mjs";
import { portalRequestListener } from "@/server.mjs";

const NONCE = "omQx7/x6ovzHGaQ4enhfaw==";
const POLICY = `default-src 'self'; script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'`;
const PAGE =
  '<!DOCTYPE html><html><head><link rel="stylesheet" href="/a.css"/><link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/><script src="/_next/static/chunks/a.js" async=""></script></head><body><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>' +
  '<script>self.__next_f.push([1,"\\u003cscript"])</script><script nonce="other" src="/b.js"></script><SCRIPT id="_R_">x</SCRIPT></body></html>';

function stampAll(chunks: string[]): string {
  const stamper = createNonceStamper(NONCE);
  return chunks.map((chunk) => stamper.push(chunk)).join("") + stamper.flush();
}

describe("nonce stamping of prerendered pages (lib/security/nonce-stamp.mjs)", () => {
  it("reads the nonce from the policy", () => {
    expect(nonceFromPolicy(POLICY)).toBe(NONCE);
    expect(nonceFromPolicy("default-src 'self'")).toBeNull();
    expect(nonceFromPolicy(undefined)).toBeNull();
  });

  it("gives every script tag this nonce (replacing a stale one), leaves text and escaped markup alone", () => {
    const stamped = stampAll([PAGE]);
    expect(stamped).toContain(`<script nonce="${NONCE}" src="/_next/static/chunks/a.js" async="">`);
    expect(stamped).toContain(`<link nonce="${NONCE}" rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>`);
    expect(stamped).toContain('<link rel="stylesheet" href="/a.css"/>');
    expect(stamped).toContain(`<script nonce="${NONCE}">self.__next_f.push`);
    expect(stamped).toContain(`<SCRIPT nonce="${NONCE}" id="_R_">`);
    // A page Next regenerated while answering another request holds that request's nonce.
    expect(stamped).toContain(`<script nonce="${NONCE}" src="/b.js">`);
    expect(stamped).not.toContain("other");
    expect(stamped).toContain("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    expect(stamped.match(/<script/gi)).toHaveLength(4);
    expect(stamped.match(/nonce=/g)).toHaveLength(5);
  });

  it("gives the same result whichever way the HTML is cut into chunks, even inside a tag or a character", () => {
    const whole = stampAll([PAGE + "<p>Café – ü</p>"]);
    const bytes = Buffer.from(PAGE + "<p>Café – ü</p>");
    for (let size = 1; size <= 12; size += 1) {
      const stamper = createNonceStamper(NONCE);
      let out = "";
      for (let at = 0; at < bytes.length; at += size) out += stamper.push(bytes.subarray(at, at + size));
      out += stamper.flush();
      expect(out, `chunks of ${size} bytes`).toBe(whole);
    }
  });

  it("refuses a nonce that could break out of the attribute", () => {
    expect(() => createNonceStamper('x" onload="alert(1)')).toThrow();
  });
});

describe("server.mjs stamps prerendered HTML only, then compresses", () => {
  let server: http.Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  async function serve(headers: Record<string, string>, body: string[], requestHeaders: Record<string, string> = {}) {
    server = http.createServer(
      portalRequestListener((_request, response) => {
        for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
        for (const chunk of body.slice(0, -1)) response.write(chunk);
        response.end(body.at(-1));
      }, 0),
    );
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return fetch(`http://127.0.0.1:${port}/`, { headers: requestHeaders });
  }

  it("a prerendered page gets the response's nonce, no ETag and no shared caching", async () => {
    const response = await serve(
      { "content-type": "text/html; charset=utf-8", "x-nextjs-prerender": "1", "content-security-policy": POLICY, etag: '"abc"', "cache-control": "s-maxage=31536000" },
      [PAGE.slice(0, 40), PAGE.slice(40)],
    );
    const html = await response.text();
    expect(html.split(new RegExp(`<script nonce="${NONCE}"`, "i")).length - 1).toBe(4);
    expect(html).toContain(`<link nonce="${NONCE}" rel="preload" as="script"`);
    expect(response.headers.get("etag")).toBeNull();
    expect(response.headers.get("cache-control")).toBe("private, no-cache, no-store, max-age=0, must-revalidate");
  });

  it("compresses after stamping when the browser accepts gzip", async () => {
    const response = await serve({ "content-type": "text/html; charset=utf-8", "x-nextjs-prerender": "1", "content-security-policy": POLICY }, [PAGE.repeat(20)], {
      "accept-encoding": "gzip",
    });
    // fetch would decompress on its own: read the raw bytes through node:http instead.
    expect(response.headers.get("content-encoding")).toBe("gzip");
    const raw = await new Promise<Buffer>((resolve, reject) => {
      const { port } = server!.address() as AddressInfo;
      http
        .get({ host: "127.0.0.1", port, path: "/", headers: { "accept-encoding": "gzip" } }, (res) => {
          const parts: Buffer[] = [];
          res.on("data", (part: Buffer) => parts.push(part));
          res.on("end", () => resolve(Buffer.concat(parts)));
        })
        .on("error", reject);
    });
    expect(gunzipSync(raw).toString("utf8")).toContain(`<script nonce="${NONCE}" src="/_next/static/chunks/a.js"`);
  });

  it("a page rendered for the request (no x-nextjs-prerender) passes through untouched", async () => {
    const response = await serve({ "content-type": "text/html; charset=utf-8", "content-security-policy": POLICY, etag: '"abc"' }, [PAGE]);
    expect(await response.text()).toBe(PAGE);
    expect(response.headers.get("etag")).toBe('"abc"');
  });
});
