import { env, EnvError } from "./env";
import { startOutboxWorker } from "./email/worker";
import { startAccessRequestJob } from "./jobs/run-jobs";
import { startReleaseJob } from "./registration/release-job";
import { builtSite } from "./site";

/**
 * Runs once when the Node.js server starts (from instrumentation.ts): checks the configuration,
 * so that a missing or bad variable stops the start with its name, then starts the outbox
 * delivery, the release of unconfirmed registrations and the access requests' expiry and reminders inside this process (PGlite serves one
 * process, so no separate worker may open it).
 */
export function startServer(): void {
  let config;
  try {
    config = env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
  if (config.NODE_ENV === "production" && !(globalThis as Record<symbol, unknown>)[Symbol.for("provider-portal.server")]) {
    console.error(
      "\nStart the portal with `npm start` (node server.mjs), not `next start`: server.mjs decides each client's address from the connection (and TRUSTED_PROXY_HOPS); without it a client could choose the address that rate limits and the audit log use.\n",
    );
    process.exit(1);
  }
  const built = builtSite();
  if (config.NODE_ENV === "production" && (built.payerName !== config.PAYER_NAME || built.demoMode !== config.demoMode)) {
    console.error(
      `\nThis build was made for ${describeSite(built)}, but the server is set up for ${describeSite({ payerName: config.PAYER_NAME, demoMode: config.demoMode })}. The public pages are prerendered with the payer's name and the demo banner when the portal is built: run the build with the same PAYER_NAME, DEV_MAILBOX and DEMO_MODE as \`npm start\` (\`npm run build\`, or \`npm run build:demo\` for a demo site).\n`,
    );
    process.exit(1);
  }
  if (config.demoMode) {
    console.warn(
      "[portal] WARNING: demo site (DEV_MAILBOX=true, DEMO_MODE=true): no email is sent, and every email, with its links, is public at /dev/mailbox. Every page says so. Never use it with real people's information.",
    );
  }
  startOutboxWorker(config.OUTBOX_POLL_SECONDS);
  startReleaseJob();
  startAccessRequestJob();
  console.log(
    `[portal] ${config.PAYER_NAME} provider portal: database ${config.DATABASE_URL ? "PostgreSQL" : `embedded (${config.PGLITE_DATA_DIR})`}, email via ${config.emailTransport}${config.devMailbox ? " (see /dev/mailbox)" : ""}.`,
  );
}

function describeSite(site: { payerName: string; demoMode: boolean }): string {
  return `${JSON.stringify(site.payerName)} (${site.demoMode ? "a demo site" : "not a demo site"})`;
}
