// The embedded database's cache size (PGLITE_SHARED_BUFFERS). Plain JavaScript because the
// environment's schema (lib/env-schema.mjs) checks it before Next starts; db/drivers.ts checks it
// again where PGlite is opened.

/** PGlite's own cache size, used when PGLITE_SHARED_BUFFERS is unset. */
export const DEFAULT_EMBEDDED_BUFFERS = "128MB";

/** PGlite is 32-bit WebAssembly with at most 2 GB of memory: from about 2000MB of cache it fails to start. */
export const MAX_EMBEDDED_BUFFERS_MB = 1900;

/**
 * What is wrong with a cache size, or null: "256MB" and "1GB" are sizes; a bare number, another
 * unit or more than MAX_EMBEDDED_BUFFERS_MB are not.
 * @param {string} value
 * @returns {string | null}
 */
export function embeddedBuffersProblem(value) {
  const match = /^([1-9][0-9]*)(MB|GB)$/.exec(value);
  if (!match) return "must be a size in MB or GB, such as 256MB or 1GB";
  const megabytes = Number(match[1]) * (match[2] === "GB" ? 1024 : 1);
  if (megabytes > MAX_EMBEDDED_BUFFERS_MB) return `must be at most ${MAX_EMBEDDED_BUFFERS_MB}MB: the embedded database has at most 2 GB of memory in all`;
  return null;
}
