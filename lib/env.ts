import type { z } from "zod";
import { EnvError, EnvSchema, parseEnv } from "./env-schema.mjs";

// The schema lives in lib/env-schema.mjs (plain JavaScript: server.mjs checks it before Next starts).
export { EnvError, parseEnv };

export type Env = z.output<typeof EnvSchema>;

let cached: Env | undefined;

/** Forgets the parsed configuration, so that the next env() reads process.env again (for tests that change it). */
export function forgetParsedEnv(): void {
  cached = undefined;
}

/** The process's configuration, parsed once; throws an EnvError naming each bad variable. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
