import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger, formatReadable, log, loggablePath, REDACTED_KEYS, routeConsoleToLogger, withRequestId } from "@/lib/log.mjs";
import { takeConsoleErrors } from "@/tests/support/fail-on-console-error";

/** A JSON logger (the production format) writing into an array. */
function jsonLogger(level = "info") {
  const lines: string[] = [];
  const logger = createLogger({ format: "json", level, destination: { write: (line: string) => lines.push(line) } });
  return { logger, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>), lines };
}

describe("the logger's redaction (lib/log.mjs)", () => {
  it("hides the obvious secrets and personal data at the top level, one and two levels down", () => {
    const { logger, entries } = jsonLogger();
    logger.info(
      {
        password: "hunter2",
        token: "t0ken",
        secret: "s3cret",
        authorization: "Bearer abc",
        cookie: "authjs.session-token=xyz",
        email: "pat.morgan@northside.example",
        taxId: "41-2345678",
        headers: { cookie: "a=b", authorization: "Basic x", "set-cookie": "c=d", accept: "text/html" },
        user: { email: "ann@lakeside.example", name: "kept", account: { password: "p", token: "t", role: "delegate" } },
        outcome: "success",
      },
      "signed in",
    );
    const [entry] = entries();
    expect(entry).toMatchObject({
      password: "[redacted]",
      token: "[redacted]",
      secret: "[redacted]",
      authorization: "[redacted]",
      cookie: "[redacted]",
      email: "[redacted]",
      taxId: "[redacted]",
      headers: { cookie: "[redacted]", authorization: "[redacted]", "set-cookie": "[redacted]", accept: "text/html" },
      user: { email: "[redacted]", name: "kept", account: { password: "[redacted]", token: "[redacted]", role: "delegate" } },
      outcome: "success",
      msg: "signed in",
    });
    expect(JSON.stringify(entry)).not.toMatch(/hunter2|t0ken|s3cret|abc|xyz|pat\.morgan|ann@|41-2345678/);
  });

  it("covers at least the keys the brief names", () => {
    expect(REDACTED_KEYS).toEqual(expect.arrayContaining(["password", "token", "secret", "authorization", "cookie", "email"]));
  });

  it("keeps a failed query's statement but drops its parameters and the database's detail", () => {
    const { logger, entries } = jsonLogger();
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_unique"'), {
      code: "23505",
      detail: "Key (email)=(pat.morgan@northside.example) already exists.",
    });
    const error = Object.assign(new Error('Failed query: insert into "users" ("email", "first_name") values ($1, $2)\nparams: pat.morgan@northside.example,Pat', { cause }), {
      query: 'insert into "users" ("email", "first_name") values ($1, $2)',
      params: ["pat.morgan@northside.example", "Pat"],
    });
    logger.error({ err: error }, "a server action failed");
    const [entry] = entries();
    const text = JSON.stringify(entry);
    expect(text).not.toContain("pat.morgan");
    expect(entry!.err).toMatchObject({
      type: "Error",
      message: 'Failed query: insert into "users" ("email", "first_name") values ($1, $2)\nparams: [redacted]',
      params: "[redacted]",
      cause: { code: "23505", detail: "[redacted]", message: expect.stringContaining("users_email_unique") },
    });
    expect(String((entry!.err as { stack: string }).stack)).toMatch(/params: \[redacted\]\n\s+at /);
  });
});

describe("the logger's lines", () => {
  it("in production: one JSON object per line with the level's name, an ISO time, the pid and the message", () => {
    const { logger, lines } = jsonLogger();
    logger.child({ module: "outbox" }).warn({ attempts: 3 }, "sending failed, will retry");
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith("\n")).toBe(true);
    expect(JSON.parse(lines[0]!)).toEqual({
      level: "warn",
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      pid: process.pid,
      module: "outbox",
      attempts: 3,
      msg: "sending failed, will retry",
    });
  });

  it("carries the request id of the request being handled, and none outside a request", async () => {
    const { logger, entries } = jsonLogger();
    logger.info("at start");
    await withRequestId("0b6a8f5e-1111-4222-8333-444455556666", async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      logger.info("inside, after an await");
    });
    expect(entries().map((entry) => entry.reqId)).toEqual([undefined, "0b6a8f5e-1111-4222-8333-444455556666"]);
  });

  it("honours the level", () => {
    const { logger, entries } = jsonLogger("warn");
    logger.info("not written");
    logger.error("written");
    expect(entries().map((entry) => entry.msg)).toEqual(["written"]);
  });

  it("reads LOG_LEVEL and LOG_FORMAT, with production JSON and development readable by default", () => {
    expect(createLogger({ env: { NODE_ENV: "production", LOG_LEVEL: "debug" }, destination: { write: () => {} } }).level).toBe("debug");
    expect(createLogger({ env: { NODE_ENV: "production", LOG_LEVEL: "loud" }, destination: { write: () => {} } }).level).toBe("info");
  });

  it("reads well for people in development", () => {
    const error = new Error("ECONNREFUSED 127.0.0.1:5432");
    const line = formatReadable({ level: 50, time: "2026-11-27T10:00:00.123Z", pid: 1, module: "outbox", attempts: 2, msg: "delivery failed", err: { type: "Error", message: error.message, stack: error.stack } });
    expect(line).toMatch(/^ERROR \[outbox\] delivery failed attempts=2\nError: ECONNREFUSED 127\.0\.0\.1:5432\n\s+at /);
    expect(formatReadable({ level: 30, time: "2026-11-27T10:00:00.123Z", msg: "listening" }, { time: true })).toBe("10:00:00.123 INFO  listening");
  });
});

describe("under tests, the logger's errors fail a test like console.error (tests/support/fail-on-console-error.ts)", () => {
  it("writes errors through console.error, where the check sees them", () => {
    log.child({ module: "outbox" }).error({ attempts: 1 }, "delivery failed");
    expect(takeConsoleErrors()).toEqual([["ERROR [outbox] delivery failed attempts=1"]]);
  });

  it("writes warnings through console.warn, not console.error", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      log.warn("careful");
      expect(warn).toHaveBeenCalledWith("WARN  careful");
      expect(takeConsoleErrors()).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });

  it("goes through console whenever NODE_ENV is test, even with LOG_FORMAT=json", () => {
    const logger = createLogger({ env: { NODE_ENV: "test", LOG_FORMAT: "json" } });
    logger.error("through console");
    expect(takeConsoleErrors()).toEqual([["ERROR through console"]]);
  });
});

describe("console routed to the logger (production server)", () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it("turns console.* calls, Next's and libraries' included, into log lines with the error serialized", () => {
    const { logger, entries } = jsonLogger("debug");
    restore = routeConsoleToLogger(logger);
    console.log("✓ Ready in %d ms", 120);
    console.warn("[outbox] sending failed");
    console.error(new Error("boom"));
    console.error("[action] request failed:", new Error("inner"));
    restore();
    restore = undefined;
    expect(entries().map(({ level, msg }) => [level, msg])).toEqual([
      ["info", "✓ Ready in 120 ms"],
      ["warn", "[outbox] sending failed"],
      ["error", "boom"],
      ["error", "[action] request failed:"],
    ]);
    expect(entries()[3]!.err).toMatchObject({ message: "inner" });
  });
});

describe("loggablePath", () => {
  it.each([
    ["/signin?callbackUrl=%2Faccess&email=a%40b.c", "/signin"],
    ["/verify-email?token=abc#top", "/verify-email"],
    ["/staff/records/41-2345678", "/staff/records/:taxId"],
    ["/access/npis/412345678?page=2", "/access/npis/:taxId"],
    ["/users/ann%40lakeside.example", "/users/:email"],
    ["/users/0b6a8f5e-1111-4222-8333-444455556666", "/users/0b6a8f5e-1111-4222-8333-444455556666"],
    ["http://portal.example/help?q=pin", "/help"],
    ["", "/"],
  ])("%s → %s", (url, expected) => {
    expect(loggablePath(url)).toBe(expected);
  });
});
