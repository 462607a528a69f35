// The portal's production server (`npm start`): Next's request handler behind a small Node
// HTTP server that decides the client's address from the connection itself. `next start`
// only fills X-Forwarded-For when the request has none, so a client could choose its own
// address; here every request's X-Forwarded-For is overwritten with one address, worked out
// from TRUSTED_PROXY_HOPS (see README "Security").
import { randomUUID } from "node:crypto";
import http from "node:http";
import { Duplex } from "node:stream";
import { pathToFileURL } from "node:url";
import compression from "next/dist/compiled/compression/index.js";
import { clientAddressFrom, parseTrustedProxyHops } from "./lib/client-address.mjs";
import { stampPrerenderedNonces } from "./lib/security/nonce-stamp.mjs";

/** Set while this server runs Next in this process; lib/start-server.ts refuses a production start without it. */
export const PORTAL_SERVER = Symbol.for("provider-portal.server");

/**
 * Rewrites the forwarding headers of one request in place: X-Forwarded-For becomes the single
 * trusted client address, X-Real-IP goes, and with no trusted proxy the client's own
 * X-Forwarded-Host/Proto/Port go too, and X-Request-Id is a new server-made id (Next then fills them from the connection).
 * @param {import("node:http").IncomingMessage} request
 * @param {number} hops
 */
export function trustForwardedHeaders(request, hops) {
  const address = clientAddressFrom(request.socket.remoteAddress, request.headers["x-forwarded-for"], hops);
  if (address) request.headers["x-forwarded-for"] = address;
  else delete request.headers["x-forwarded-for"];
  delete request.headers["x-real-ip"];
  // Request ids are the server's, never the client's (proxy.ts sets one too, for `next dev`).
  request.headers["x-request-id"] = randomUUID();
  if (hops === 0) {
    delete request.headers["x-forwarded-host"];
    delete request.headers["x-forwarded-proto"];
    delete request.headers["x-forwarded-port"];
    delete request.headers["forwarded"];
  }
}

/**
 * The server's request handling around Next's: the trusted client address, then gzip (here rather
 * than in Next, next.config.mjs `compress: false`, so that it comes after the next step), then the
 * prerendered pages' nonces (lib/security/nonce-stamp.mjs): Next writes plain HTML, the stamper
 * gives its scripts this response's nonce, gzip compresses the result.
 * @param {(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => unknown} handle
 * @param {number} hops
 * @param {{ compress?: boolean }} [options]
 */
export function portalRequestListener(handle, hops, options = {}) {
  const compress = options.compress === false ? null : compression();
  return (request, response) => {
    trustForwardedHeaders(request, hops);
    if (compress) {
      compress(request, response, () => {});
      // As Next does: a client that goes away mid-response must not leave the zlib stream open.
      response.once("close", () => {
        if (response.writableFinished) return;
        const stream = response.on("drain", noop);
        if (stream === response || !(stream instanceof Duplex)) response.off("drain", noop);
        else stream.destroy();
      });
    }
    stampPrerenderedNonces(response);
    return handle(request, response);
  };
}

function noop() {}

function option(args, long, short) {
  const index = args.findIndex((arg) => arg === long || arg === short);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main() {
  const args = process.argv.slice(2);
  const port = Number(option(args, "--port", "-p") ?? process.env.PORT ?? 3000);
  const hostname = option(args, "--hostname", "-H") ?? process.env.HOSTNAME ?? "0.0.0.0";
  let hops;
  try {
    hops = parseTrustedProxyHops(process.env.TRUSTED_PROXY_HOPS);
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  }
  process.env.NODE_ENV ??= "production";
  globalThis[PORTAL_SERVER] = { hops };
  const { default: next } = await import("next");
  const app = next({ dev: false, hostname, port, dir: process.cwd() });
  await app.prepare();
  const server = http.createServer(portalRequestListener(app.getRequestHandler(), hops));
  server.listen(port, hostname, () => {
    console.log(`[portal] listening on http://${hostname}:${port} (trusted proxy hops: ${hops}${hops === 0 ? ", the client address is the connection's own" : ""}).`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
