import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React Server Components; tests call server modules directly.
      "server-only": path.join(root, "tests/support/empty-module.ts"),
    },
  },
  test: {
    globals: true,
    env: {
      NODE_ENV: "test",
      AUTH_SECRET: "test-only-secret-that-is-at-least-32-characters-long",
      APP_URL: "http://portal.test",
      PAYER_NAME: "HealthPartners",
      DEV_MAILBOX: "true",
    },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          // next-auth imports "next/server" without an extension, which Node's ESM loader refuses: let Vite resolve it (tests of proxy.ts).
          server: { deps: { inline: ["next-auth"] } },
          include: ["tests/unit/**/*.test.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "components",
          environment: "jsdom",
          include: ["tests/components/**/*.test.tsx"],
          setupFiles: ["tests/support/components-setup.ts", "tests/support/fail-on-console-error.ts"],
          // Typing whole forms with user-event takes seconds on a loaded 2-core machine: room for it, not a timing test.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/database-global-setup.ts"],
          setupFiles: ["tests/support/database-setup.ts", "tests/support/fail-on-console-error.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
