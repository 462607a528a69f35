import fs from "node:fs";
import path from "node:path";

/**
 * What `npm start` runs after `node` (its flags, such as the heap cap, then server.mjs), so that
 * the end-to-end and system tests start the server exactly as `npm start` does.
 */
export function npmStartArgs(root = path.resolve(import.meta.dirname, "..")): string[] {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } };
  const [command, ...args] = scripts.start.split(/\s+/);
  if (command !== "node" || !args.includes("server.mjs")) throw new Error(`npm start is no longer \`node … server.mjs\`: ${scripts.start}`);
  return args;
}
