export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Parse the configuration now so that a missing or bad variable stops the start with its name.
  const { env } = await import("./lib/env");
  const config = env();
  const { startOutboxWorker } = await import("./lib/email/worker");
  startOutboxWorker(config.OUTBOX_POLL_SECONDS);
  console.log(
    `[portal] ${config.PAYER_NAME} provider portal: database ${config.DATABASE_URL ? "PostgreSQL" : `embedded (${config.PGLITE_DATA_DIR})`}, email via ${config.emailTransport}${config.devMailbox ? " (see /dev/mailbox)" : ""}.`,
  );
}
