import type { Logger } from "pino";

export type { Logger };
export const LOG_LEVELS: readonly ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
export const LOG_FORMATS: readonly ["json", "pretty"];
export const REDACTED_KEYS: string[];
export const REDACT_PATHS: string[];
export function serializeError(error: unknown): unknown;
export function withRequestId<T>(requestId: string, work: () => T): T;
export function currentRequestId(): string | undefined;
export function formatReadable(entry: Record<string, unknown>, options?: { time?: boolean }): string;
export function createLogger(options?: {
  env?: Record<string, string | undefined>;
  format?: "json" | "pretty" | "console";
  level?: string;
  destination?: { write(line: string): unknown };
}): Logger;
export const log: Logger;
export function loggablePath(url: string | undefined): string;
export function routeConsoleToLogger(logger: Logger): () => void;
