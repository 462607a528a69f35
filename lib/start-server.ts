import { env, EnvError } from "./env";
import { startOutboxWorker } from "./email/worker";
import { startReleaseJob } from "./registration/release-job";

/**
 * Runs once when the Node.js server starts (from instrumentation.ts): checks the configuration,
 * so that a missing or bad variable stops the start with its name, then starts the outbox
 * delivery and the release of unconfirmed registrations inside this process (PGlite serves one
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
  startOutboxWorker(config.OUTBOX_POLL_SECONDS);
  startReleaseJob();
  console.log(
    `[portal] ${config.PAYER_NAME} provider portal: database ${config.DATABASE_URL ? "PostgreSQL" : `embedded (${config.PGLITE_DATA_DIR})`}, email via ${config.emailTransport}${config.devMailbox ? " (see /dev/mailbox)" : ""}.`,
  );
}
