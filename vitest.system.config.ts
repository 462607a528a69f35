import { defineConfig } from "vitest/config";

/**
 * System tests (`npm run test:system`, after `npm run build:demo`): the built portal as real
 * server processes (tests/system/support/portal-process.ts), with their own databases, stopped
 * with signals, two at a time on one PostgreSQL, and PostgreSQL made to go away under them.
 * One file at a time: each starts servers of its own, and this machine has two cores.
 */
export default defineConfig({
  test: {
    name: "system",
    environment: "node",
    include: ["tests/system/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
