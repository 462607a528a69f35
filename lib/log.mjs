// The portal's one logger (pino). Plain JavaScript (with lib/log.d.mts) because server.mjs, which
// runs without a build step, logs through it as well as the app. One instance per process, kept on
// globalThis, so the server and Next's bundled copy of this module write the same way.
//
// - production: one JSON object per line on stdout (level, time, msg, reqId when in a request, ...);
// - development: readable lines;
// - tests: through console (errors with console.error, so a test that logs an error unexpectedly fails).
import { AsyncLocalStorage } from "node:async_hooks";
import { format as formatArguments } from "node:util";
import pino from "pino";

const SHARED_LOGGER = Symbol.for("provider-portal.logger");
const REQUEST_STORAGE = Symbol.for("provider-portal.request-storage");

export const LOG_LEVELS = /** @type {const} */ (["fatal", "error", "warn", "info", "debug", "trace", "silent"]);
export const LOG_FORMATS = /** @type {const} */ (["json", "pretty"]);

/** Keys whose values never reach a log line, wherever they appear in the top two levels of an entry. */
export const REDACTED_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "passwordHash",
  "token",
  "secret",
  "authorization",
  "cookie",
  "set-cookie",
  "email",
  "apiKey",
  "pin",
  "recoveryCode",
  "taxId",
  "AUTH_SECRET",
  "RESEND_API_KEY",
  "PIN_LETTER_KEY",
  "DATABASE_URL",
];

const CENSOR = "[redacted]";

function pathFor(key) {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? { plain: true, text: key } : { plain: false, text: `["${key}"]` };
}

/** pino's redaction paths for REDACTED_KEYS: at the top level, one and two levels down. */
export const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => {
  const { plain, text } = pathFor(key);
  const child = plain ? `.${text}` : text;
  return [text, `*${child}`, `*.*${child}`];
});

/** A query error's message and stack carry its parameters (emails, names, Tax IDs): keep the statement, drop the values. */
function scrubText(text) {
  return typeof text === "string" ? text.replace(/^params: .*$/gm, `params: ${CENSOR}`) : text;
}

function scrubError(serialized, depth = 0) {
  if (!serialized || typeof serialized !== "object" || depth > 5) return serialized;
  const copy = { ...serialized, message: scrubText(serialized.message), stack: scrubText(serialized.stack) };
  for (const key of ["params", "parameters", "detail"]) if (key in copy) copy[key] = CENSOR;
  if (copy.cause) copy.cause = scrubError(copy.cause, depth + 1);
  return copy;
}

/** pino's error serializer (message, type, stack, causes), minus what a database error quotes of the data. */
export function serializeError(error) {
  if (!(error instanceof Error)) return error;
  return scrubError(pino.stdSerializers.errWithCause(error));
}

function requestStorage() {
  const holder = /** @type {Record<symbol, AsyncLocalStorage<{ requestId: string }> | undefined>} */ (/** @type {unknown} */ (globalThis));
  holder[REQUEST_STORAGE] ??= new AsyncLocalStorage();
  return holder[REQUEST_STORAGE];
}

/** Runs `work` as part of a request: every line logged meanwhile (server or app) carries its id as `reqId`. */
export function withRequestId(requestId, work) {
  return requestStorage().run({ requestId }, work);
}

/** The id of the request being handled, if any. */
export function currentRequestId() {
  return requestStorage().getStore()?.requestId;
}

const LEVEL_LABELS = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };
const HIDDEN_FIELDS = new Set(["level", "time", "pid", "hostname", "msg", "module", "err"]);

/** One entry as a line for people (development, tests): `INFO  [module] message key=value`, then the error's stack. */
export function formatReadable(entry, options = {}) {
  const level = String(LEVEL_LABELS[entry.level] ?? entry.level ?? "info").toUpperCase().padEnd(5);
  const time = options.time && entry.time ? `${String(entry.time).slice(11, 23)} ` : "";
  const part = entry.module ? `[${entry.module}] ` : "";
  const fields = Object.entries(entry)
    .filter(([key]) => !HIDDEN_FIELDS.has(key))
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  const err = entry.err && typeof entry.err === "object" ? `\n${entry.err.stack ?? `${entry.err.type}: ${entry.err.message}`}` : "";
  return `${time}${level} ${part}${entry.msg ?? ""}${fields.length ? ` ${fields.join(" ")}` : ""}${err}`;
}

function parsed(line) {
  try {
    return JSON.parse(line);
  } catch {
    return { level: 30, msg: String(line).trimEnd() };
  }
}

/** Development: readable lines, errors and warnings on stderr. */
function readableStream() {
  return {
    write(line) {
      const entry = parsed(line);
      (entry.level >= 40 ? process.stderr : process.stdout).write(`${formatReadable(entry, { time: true })}\n`);
    },
  };
}

/** Tests: through console, looked up at each write so that a test's spy on console.error sees errors. */
function consoleStream() {
  return {
    write(line) {
      const entry = parsed(line);
      const text = formatReadable(entry);
      if (entry.level >= 50) console.error(text);
      else if (entry.level >= 40) console.warn(text);
      else console.log(text);
    },
  };
}

function testing(env) {
  return env.NODE_ENV === "test" || Boolean(env.VITEST);
}

/**
 * A logger with the portal's settings. `format`: "console" under tests (NODE_ENV=test or Vitest),
 * else LOG_FORMAT, else "json" in production and "pretty" otherwise; LOG_LEVEL (default info, warn under tests).
 * `destination` (anything with write(line)) replaces the output, for tests of the logger.
 * @param {{ env?: Record<string, string | undefined>; format?: "json" | "pretty" | "console"; level?: string; destination?: { write(line: string): unknown } }} [options]
 */
export function createLogger(options = {}) {
  const env = options.env ?? process.env;
  // Under tests always through console, whatever LOG_FORMAT says: that is how a test sees a logged error.
  const format =
    options.format ??
    (testing(env) ? "console" : LOG_FORMATS.includes(/** @type {never} */ (env.LOG_FORMAT)) ? env.LOG_FORMAT : env.NODE_ENV === "production" ? "json" : "pretty");
  const configuredLevel = options.level ?? env.LOG_LEVEL?.trim();
  const level = configuredLevel && LOG_LEVELS.includes(/** @type {never} */ (configuredLevel)) ? configuredLevel : testing(env) ? "warn" : "info";
  const destination =
    options.destination ?? (format === "json" ? pino.destination({ dest: 1, sync: true }) : format === "console" ? consoleStream() : readableStream());
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: format === "json" ? { level: (label) => ({ level: label }) } : {},
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      serializers: { err: serializeError, error: serializeError },
      mixin() {
        const requestId = currentRequestId();
        return requestId ? { reqId: requestId } : {};
      },
    },
    destination,
  );
}

function sharedLogger() {
  const holder = /** @type {Record<symbol, import("pino").Logger | undefined>} */ (/** @type {unknown} */ (globalThis));
  holder[SHARED_LOGGER] ??= createLogger();
  return holder[SHARED_LOGGER];
}

/**
 * The process's logger, made on first use (after server.mjs has read the .env files and set
 * NODE_ENV). Use `log.child({ module: "outbox" })` for a part of the portal.
 * @type {import("pino").Logger}
 */
export const log = new Proxy(/** @type {import("pino").Logger} */ (/** @type {unknown} */ ({})), {
  get(_target, property) {
    const logger = sharedLogger();
    const value = Reflect.get(logger, property, logger);
    return typeof value === "function" ? value.bind(logger) : value;
  },
});

/**
 * A request's path as it may be logged: no query string or fragment (tokens, searches), and a
 * segment that is a Tax ID or holds an email address replaced by a placeholder.
 * @param {string | undefined} url
 */
export function loggablePath(url) {
  let path = String(url ?? "");
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      path = "/";
    }
  }
  path = path.split(/[?#]/, 1)[0] || "/";
  return path
    .split("/")
    .map((segment) => (/^\d{2}-?\d{7}$/.test(segment) ? ":taxId" : /@|%40/i.test(segment) ? ":email" : segment))
    .join("/")
    .slice(0, 512);
}

/**
 * Production: what Next, libraries and older code write with console.* becomes log lines too, so
 * that stdout is JSON only. Returns a function that puts console back.
 * @param {import("pino").Logger} logger
 */
export function routeConsoleToLogger(logger) {
  const original = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  const route = (level) => (...args) => {
    const error = args.find((arg) => arg instanceof Error);
    const text = formatArguments(...args.filter((arg) => arg !== error)).trim();
    if (error) logger[level]({ err: error }, text || error.message);
    else logger[level](text);
  };
  console.log = route("info");
  console.info = route("info");
  console.warn = route("warn");
  console.error = route("error");
  console.debug = route("debug");
  return () => Object.assign(console, original);
}
