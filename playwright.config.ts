import { defineConfig, devices } from "@playwright/test";

const basePort = Number(process.env.E2E_PORT ?? 3100);

interface SuiteSpec {
  name: string;
  testMatch: RegExp;
  /** Extra environment for the suite's server. */
  env?: Record<string, string | undefined>;
  /** The host the suite's server is reached at (default 127.0.0.1). */
  host?: string;
}

/**
 * Each suite gets a server of its own on a fresh embedded database with the demo data, because
 * the demo's Tax IDs can be registered once per database: the suites that register the same
 * Tax ID (Lakeside, Riverbend's second Tax ID, Northside's departed delegate) must not share one.
 */
const suites = ([
  { name: "registration", testMatch: /(register-with-check|registration-errors|keyboard)\.spec\.ts$/ },
  { name: "us-mail", testMatch: /us-mail\.spec\.ts$/ },
  { name: "users", testMatch: /users\.spec\.ts$/ },
  { name: "add-access", testMatch: /add-access\.spec\.ts$/ },
  { name: "notice", testMatch: /register-with-notice\.spec\.ts$/ },
  { name: "provider-cases", testMatch: /provider-cases\.spec\.ts$/ },
  // Keyboard-only passes over flows that register Prairie, Birchwood and Northside's departed delegate: a database of their own.
  { name: "keyboard-flows", testMatch: /keyboard-[a-z-]+\.spec\.ts$/ },
  // Security headers, hostile requests and the client address, bare (no proxy) and behind one reverse proxy.
  { name: "hardening", testMatch: /hardening\.spec\.ts$/ },
  { name: "hardening-proxy", testMatch: /hardening\.spec\.ts$/, env: { E2E_TRUSTED_PROXY_HOPS: "1" } },
  // WebAuthn refuses an IP address as the relying party's id: this suite's server is http://localhost.
  { name: "passkeys", testMatch: /passkeys\.spec\.ts$/, host: "localhost" },
  // Sign-in pauses and the device cookie: Pat's sign-ins must be the suite's own.
  { name: "lockout", testMatch: /lockout\.spec\.ts$/ },
  // Forgot/reset password and account settings: changes Pat Morgan's password, registers Lakeside and both Riverbend Tax IDs.
  { name: "account", testMatch: /account-settings\.spec\.ts$/ },
  // Two-step sign-in chosen freely (MFA_REQUIRED off, as in the dev demo), and required for staff.
  { name: "mfa", testMatch: /mfa\.spec\.ts$/, env: { MFA_REQUIRED: "false" } },
  // Find my delegate: public lookups, all from one address (its per-client limit is the suite's own).
  { name: "find-my-delegate", testMatch: /find-my-delegate\.spec\.ts$/ },
  // The billing track: registers Accurate Billing Services (once per database) and changes Northside's billing access.
  { name: "billing", testMatch: /billing\.spec\.ts$/ },
  // The Help Center: FAQ search, Contact us as a visitor and signed in (Pat's cases are the suite's own).
  { name: "help", testMatch: /help\.spec\.ts$/ },
  // The console's PIN letters and records: registers Birchwood and Prairie by US Mail, prints and mails their letters.
  { name: "staff-letters", testMatch: /staff-letters\.spec\.ts$/ },
  // The representatives' console: cases opened by a visitor and by Pat, worked by Riley.
  { name: "staff-cases", testMatch: /staff-cases\.spec\.ts$/ },
  // A hospital system's 5,000 NPIs on /access and in their paged list (Casey Holt's sign-ins are the suite's own).
  { name: "large-practice", testMatch: /large-practice\.spec\.ts$/ },
  // A newcomer's first hour: registering through the dev mailbox's button, Send it again, the public header signed in, the mailbox on a phone.
  { name: "first-run", testMatch: /first-run\.spec\.ts$/ },
] satisfies SuiteSpec[]).map((suite: SuiteSpec, index) => {
  const host = suite.host ?? "127.0.0.1";
  return { ...suite, host, baseURL: `http://${host}:${basePort + index}`, port: basePort + index };
});

/**
 * End-to-end tests drive Debian's Chromium (never a downloaded browser) against the built
 * app (`npm run build:demo` first), started by scripts/e2e-server.ts on a fresh embedded database
 * loaded with the demo data.
 */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  // Signing in now includes the second step (and may wait up to 30 s for an unused authenticator code).
  timeout: 300_000,
  expect: { timeout: 10_000 },
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: suites.map((suite) => ({
    name: suite.name,
    testMatch: suite.testMatch,
    use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: suite.baseURL },
  })),
  webServer: suites.map((suite) => ({
    command: `npx tsx scripts/e2e-server.ts`,
    url: `${suite.baseURL}/signin`,
    env: { E2E_PORT: String(suite.port), E2E_HOST: suite.host, ...suite.env },
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
  })),
});
