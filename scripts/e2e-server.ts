import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { npmStartArgs } from "./npm-start-args";

/**
 * Starts the built portal for the end-to-end tests: a fresh embedded database in a temporary
 * directory, migrated and loaded with the demo data, then `npm start`'s server.mjs with the dev mailbox on (a demo site).
 */
const port = process.env.E2E_PORT ?? "3100";
/** The host name in APP_URL (the server listens on 127.0.0.1 either way); "localhost" where WebAuthn needs a domain. */
const host = process.env.E2E_HOST === "localhost" ? "localhost" : "127.0.0.1";
if (!fs.existsSync(path.join(".next", "BUILD_ID"))) {
  console.error("No production build found: run `npm run build:demo` before `npm run test:e2e` (the servers run a demo site, and the public pages are prerendered with the demo banner).");
  process.exit(1);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-e2e-"));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: "",
  PGLITE_DATA_DIR: path.join(dataDir, "pglite"),
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  APP_URL: `http://${host}:${port}`,
  DEV_MAILBOX: "true",
  DEMO_MODE: "true",
  TRUSTED_PROXY_HOPS: process.env.E2E_TRUSTED_PROXY_HOPS ?? "0",
  RESEND_API_KEY: "",
  OUTBOX_POLL_SECONDS: "1",
  NEXT_TELEMETRY_DISABLED: "1",
};

const setup = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/setup.ts"], { env, stdio: "inherit" });
if (setup.status !== 0) process.exit(setup.status ?? 1);

// `npm start`'s server (server.mjs with its flags): Next behind the handler that decides the client's address.
const server = spawn(process.execPath, [...npmStartArgs(), "-p", port, "-H", "127.0.0.1"], { env, stdio: "inherit" });

const stop = () => {
  server.kill("SIGTERM");
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
