import { EnvError, parseEnv } from "@/lib/env";

/** The EnvError a configuration is refused with (fails the test if parseEnv accepts it). */
export function envErrorOf(source: Record<string, string | undefined>): EnvError {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error("parseEnv accepted the configuration");
}

/** The message of that EnvError. */
export function envErrorMessage(source: Record<string, string | undefined>): string {
  return envErrorOf(source).message;
}
