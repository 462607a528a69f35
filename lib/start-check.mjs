// What `npm start` (server.mjs) checks before Next starts and before it listens, so that a bad
// configuration stops the start with a message and a non-zero exit, never after "listening".
// Plain JavaScript: server.mjs runs without a build step.
import fs from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";
import { generatedSecretsIn, GENERATED_SECRET_COMMENT } from "./dev-secret.mjs";
import { EnvError, parseEnv, PRODUCTION_SECRET_ADVICE } from "./env-schema.mjs";
import { siteMismatch } from "./site-settings.mjs";

/**
 * The payer's name and demo mode a build was made with (next.config.mjs puts them into the build's
 * `env`, which Next records in required-server-files.json), or null when there is no build.
 * @param {string} dir
 * @returns {{ payerName: string; demoMode: boolean } | null}
 */
export function readBuiltSite(dir) {
  const distDir = path.join(dir, ".next");
  if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) return null;
  const files = JSON.parse(fs.readFileSync(path.join(distDir, "required-server-files.json"), "utf8"));
  const built = files?.config?.env ?? {};
  return { payerName: built.PORTAL_BUILD_PAYER_NAME ?? "HealthPartners", demoMode: built.PORTAL_BUILD_DEMO_MODE === "true" };
}

/**
 * Whether a start may go on: the build exists, every variable parses (lib/env-schema.mjs), and in
 * production AUTH_SECRET is not the secret `npm run setup` generated into an env file for
 * development and the build was made for the same payer and kind of site.
 * @param {{ source: Record<string, string | undefined>; envFiles: { path: string; contents: string }[]; built: { payerName: string; demoMode: boolean } | null }} input
 */
export function startProblems({ source, envFiles, built }) {
  if (!built) {
    return { ok: /** @type {const} */ (false), message: "No production build found in .next: run `npm run build` first (`npm run build:demo` for a demo site)." };
  }
  let config;
  try {
    config = parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return { ok: /** @type {const} */ (false), message: error.message };
    throw error;
  }
  if (config.NODE_ENV === "production") {
    const file = envFiles.find((candidate) => generatedSecretsIn(candidate.contents).includes(config.AUTH_SECRET));
    if (file) {
      return {
        ok: /** @type {const} */ (false),
        message: `Invalid environment configuration:\n  - AUTH_SECRET is the development secret that \`npm run setup\` generated into ${path.basename(file.path)} (under "${GENERATED_SECRET_COMMENT}"), which production refuses: remove those two lines. ${PRODUCTION_SECRET_ADVICE}.`,
      };
    }
    const mismatch = siteMismatch(built, { payerName: config.PAYER_NAME, demoMode: config.demoMode });
    if (mismatch) return { ok: /** @type {const} */ (false), message: mismatch };
  }
  return { ok: /** @type {const} */ (true), config };
}

/**
 * Reads the .env files as Next will (production: .env.production.local, .env.local,
 * .env.production, .env; variables already set win) into process.env, then checks the start.
 * @param {string} [dir]
 */
export function checkStartConfiguration(dir = process.cwd()) {
  const { loadedEnvFiles } = nextEnv.loadEnvConfig(dir, false, { info() {}, error: (...args) => console.error(...args) });
  return startProblems({ source: process.env, envFiles: loadedEnvFiles, built: readBuiltSite(dir) });
}
