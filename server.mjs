// The portal's production server (`npm start`): Next's request handler behind a small Node
// HTTP server that decides the client's address from the connection itself. `next start`
// only fills X-Forwarded-For when the request has none, so a client could choose its own
// address; here every request's X-Forwarded-For is overwritten with one address, worked out
// from TRUSTED_PROXY_HOPS (see README "Security"). It also checks the whole configuration before
// Next starts and before it listens (lib/start-check.mjs), logs one JSON line per request
// (lib/log.mjs), and stops gracefully on SIGTERM/SIGINT (lib/graceful-shutdown.mjs).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { Duplex } from "node:stream";
import { pathToFileURL } from "node:url";
import compression from "next/dist/compiled/compression/index.js";
import { clientAddressFrom, parseTrustedProxyHops } from "./lib/client-address.mjs";
import { gracefulShutdown, STOP_WORK } from "./lib/graceful-shutdown.mjs";
import { log, loggablePath, routeConsoleToLogger, withRequestId } from "./lib/log.mjs";
import { stampPrerenderedNonces } from "./lib/security/nonce-stamp.mjs";
import { checkStartConfiguration } from "./lib/start-check.mjs";

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
 * One log line per request once its response is done: method, path (no query string, Tax IDs and
 * emails masked: lib/log.mjs loggablePath), status, duration and the request id. Nothing else of
 * the request (no address, cookie or header) is logged.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @param {import("pino").Logger} logger
 */
function logWhenDone(request, response, logger) {
  const started = process.hrtime.bigint();
  response.once("close", () => {
    const entry = {
      reqId: request.headers["x-request-id"],
      method: request.method,
      path: loggablePath(request.url),
      status: response.statusCode,
      ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      ...(response.writableFinished ? {} : { aborted: true }),
    };
    if (response.statusCode >= 500) logger.warn(entry, "request");
    else logger.info(entry, "request");
  });
}

/**
 * The server's request handling around Next's: the trusted client address and the request id
 * (also on the response, and on every line logged while the request is handled), the request's
 * log line, then gzip (here rather than in Next, next.config.mjs `compress: false`, so that it
 * comes after the next step), then the prerendered pages' nonces (lib/security/nonce-stamp.mjs):
 * Next writes plain HTML, the stamper gives its scripts this response's nonce, gzip compresses the result.
 * @param {(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => unknown} handle
 * @param {number} hops
 * @param {{ compress?: boolean; logger?: import("pino").Logger | null }} [options]
 */
export function portalRequestListener(handle, hops, options = {}) {
  const compress = options.compress === false ? null : compression();
  const logger = options.logger === undefined ? log.child({ module: "http" }) : options.logger;
  return (request, response) => {
    trustForwardedHeaders(request, hops);
    const requestId = /** @type {string} */ (request.headers["x-request-id"]);
    response.setHeader("X-Request-Id", requestId);
    if (logger) logWhenDone(request, response, logger);
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
    return withRequestId(requestId, () => handle(request, response));
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
  process.env.NODE_ENV ??= "production";
  // The whole configuration, before Next starts and before anything listens: a bad one stops here.
  const check = checkStartConfiguration(process.cwd());
  if (!check.ok) {
    process.stderr.write(`\n${check.message}\n\n`);
    process.exit(1);
  }
  let hops;
  try {
    hops = parseTrustedProxyHops(process.env.TRUSTED_PROXY_HOPS);
  } catch (error) {
    process.stderr.write(`\n${error instanceof Error ? error.message : error}\n\n`);
    process.exit(1);
  }
  // Everything written through console (Next's own messages included) becomes a log line, so that stdout is JSON only in production.
  if (check.config.NODE_ENV === "production" && (check.config.LOG_FORMAT ?? "json") === "json") routeConsoleToLogger(log);
  const logger = log.child({ module: "server" });
  globalThis[PORTAL_SERVER] = { hops };
  const { default: next } = await import("next");
  const app = next({ dev: false, hostname, port, dir: process.cwd() });
  await app.prepare();
  const server = http.createServer(portalRequestListener(app.getRequestHandler(), hops));
  const shutdown = gracefulShutdown({
    server,
    logger: log.child({ module: "shutdown" }),
    stopWork: () => globalThis[STOP_WORK]?.(),
    timeoutMs: check.config.SHUTDOWN_TIMEOUT_SECONDS * 1000,
  });
  process.on("SIGTERM", () => void shutdown.stop("SIGTERM"));
  process.on("SIGINT", () => void shutdown.stop("SIGINT"));
  server.on("error", (error) => {
    logger.fatal({ err: error }, `could not listen on ${hostname}:${port}`);
    process.exit(1);
  });
  server.listen(port, hostname, () => {
    logger.info(
      { hostname, port, trustedProxyHops: hops },
      `listening on http://${hostname}:${port} (trusted proxy hops: ${hops}${hops === 0 ? ", the client address is the connection's own" : ""}).`,
    );
  });
}

// Run as a program (not imported by tests). Through the real path: a release directory reached by
// a symbolic link (`current/` → `releases/…`) must start too.
if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  await main();
}
