// Graceful shutdown of `npm start` (server.mjs): on SIGTERM or SIGINT the server stops accepting
// connections, finishes the requests in flight, stops the app's background work and closes the
// database (lib/server-work.ts registers that step under STOP_WORK), logs each step and exits 0; a
// hard timeout exits 1 if something hangs. Plain JavaScript: server.mjs runs without a build step.

/** Where the app (lib/server-work.ts) leaves the function that stops its background work and closes the database. */
export const STOP_WORK = Symbol.for("provider-portal.stop-work");

/**
 * Watches a server's requests and returns `stop(signal)`, which shuts it down.
 * @param {{
 *   server: import("node:http").Server;
 *   logger: import("pino").Logger;
 *   stopWork?: () => Promise<unknown> | unknown;
 *   timeoutMs: number;
 *   exit?: (code: number) => void;
 * }} options
 */
export function gracefulShutdown({ server, logger, stopWork, timeoutMs, exit = (code) => process.exit(code) }) {
  /** @type {Set<import("node:http").ServerResponse>} */
  const inFlight = new Set();
  /** @type {Array<() => void>} */
  let waiting = [];
  /** @type {string | null} */
  let stopping = null;
  let stage = "running";

  server.prependListener("request", (_request, response) => {
    inFlight.add(response);
    // A keep-alive connection that sends another request while the server stops gets its answer, then is closed.
    if (stopping && !response.headersSent) response.setHeader("Connection", "close");
    response.once("close", () => {
      inFlight.delete(response);
      if (inFlight.size === 0) {
        const resolve = waiting;
        waiting = [];
        for (const done of resolve) done();
      }
    });
  });

  const drained = () => (inFlight.size === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(() => resolve(undefined))));

  /** @param {string} signal */
  async function stop(signal) {
    // A second Ctrl-C or a supervisor repeating its signal must not drop the requests still being
    // answered: the timeout, not a repeated signal, ends a stop that hangs.
    if (stopping) {
      logger.info({ signal, stage, inFlight: inFlight.size }, "already stopping");
      return;
    }
    stopping = signal;
    const started = Date.now();
    const timer = setTimeout(() => {
      logger.error({ stage, inFlight: inFlight.size, timeoutMs }, "shutdown did not finish in time: exiting without finishing");
      exit(1);
    }, timeoutMs);
    timer.unref();
    try {
      stage = "requests";
      logger.info({ signal, inFlight: inFlight.size, timeoutMs }, "stopping: no new connections; finishing the requests in flight");
      for (const response of inFlight) if (!response.headersSent) response.setHeader("Connection", "close");
      const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
      server.closeIdleConnections();
      await drained();
      // Keep-alive connections whose last response has just finished.
      server.closeIdleConnections();
      await closed;
      logger.info({ ms: Date.now() - started }, "requests finished; the server is closed");
      stage = "background work and database";
      await stopWork?.();
      clearTimeout(timer);
      logger.info({ signal, ms: Date.now() - started }, "stopped");
      exit(0);
    } catch (error) {
      clearTimeout(timer);
      logger.error({ err: error, stage }, "shutdown failed");
      exit(1);
    }
  }

  return {
    stop,
    /** The number of requests being answered. */
    inFlight: () => inFlight.size,
  };
}
