import fs from "node:fs";
import path from "node:path";

interface LockHolder {
  pid: number;
  command: string;
  startedAt: string;
}

export class DatabaseInUseError extends Error {
  constructor(dataDir: string, holder: LockHolder) {
    super(
      `The embedded database at ${dataDir} is in use by process ${holder.pid} (${holder.command}), ` +
        `open since ${holder.startedAt}. PGlite serves one process at a time: stop that process first ` +
        `(e.g. the running portal), or set DATABASE_URL to use PostgreSQL.`,
    );
    this.name = "DatabaseInUseError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(lockPath: string): LockHolder | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockHolder;
  } catch {
    return undefined;
  }
}

/**
 * PGlite silently loses writes when two processes open one directory, so the embedded
 * database takes a lock file naming its holder. A lock left by a dead process is taken over.
 * Returns the function that releases it.
 */
export function acquireDirectoryLock(dataDir: string): () => void {
  const resolved = path.resolve(dataDir);
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  const lockPath = `${resolved}.lock`;
  const me: LockHolder = {
    pid: process.pid,
    command: process.argv.slice(1).map((arg) => path.basename(arg)).join(" ") || "node",
    startedAt: new Date().toISOString(),
  };

  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: "wx" });
      const release = () => {
        if (readHolder(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockPath);
      if (holder && holder.pid === process.pid) {
        // The same process reopening (e.g. after closing): the lock is already ours.
        return () => fs.rmSync(lockPath, { force: true });
      }
      if (holder && isAlive(holder.pid)) throw new DatabaseInUseError(dataDir, holder);
      fs.rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${lockPath}; remove it if no portal process is running.`);
}
