import { env, EnvError } from "./env";
import { log } from "./log.mjs";
import { DEFAULT_EMBEDDED_BUFFERS } from "./pglite-buffers.mjs";
import { startServerWork } from "./server-work";
import { builtSite } from "./site";
import { siteMismatch } from "./site-settings.mjs";

/**
 * Runs once when the Node.js server starts (from instrumentation.ts). `npm start` has already
 * checked the configuration before listening (lib/start-check.mjs); these checks stop any other
 * start (`next dev`, `next start`) with the same messages. Then it starts the background work
 * inside this process (lib/server-work.ts).
 */
export function startServer(): void {
  const logger = log.child({ module: "start" });
  let config;
  try {
    config = env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    logger.fatal(error.message);
    process.exit(1);
  }
  if (config.NODE_ENV === "production" && !(globalThis as Record<symbol, unknown>)[Symbol.for("provider-portal.server")]) {
    logger.fatal(
      "Start the portal with `npm start` (node server.mjs), not `next start`: server.mjs decides each client's address from the connection (and TRUSTED_PROXY_HOPS); without it a client could choose the address that rate limits and the audit log use.",
    );
    process.exit(1);
  }
  const mismatch = config.NODE_ENV === "production" ? siteMismatch(builtSite(), { payerName: config.PAYER_NAME, demoMode: config.demoMode }) : null;
  if (mismatch) {
    logger.fatal(mismatch);
    process.exit(1);
  }
  if (config.demoMode) {
    logger.warn(
      "WARNING: demo site (DEV_MAILBOX=true, DEMO_MODE=true): no email is sent, and every email, with its links, is public at /dev/mailbox. Every page says so. Never use it with real people's information.",
    );
  }
  startServerWork(config);
  logger.info(
    { database: config.DATABASE_URL ? "postgresql" : "embedded", emailTransport: config.emailTransport },
    `${config.PAYER_NAME} provider portal: database ${config.DATABASE_URL ? "PostgreSQL" : `embedded (${config.PGLITE_DATA_DIR}, cache ${config.PGLITE_SHARED_BUFFERS ?? DEFAULT_EMBEDDED_BUFFERS})`}, email via ${config.emailTransport}${config.devMailbox ? " (see /dev/mailbox)" : ""}.`,
  );
}
