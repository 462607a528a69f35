import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { acquireDirectoryLock, DatabaseInUseError } from "@/db/lock";

let workDir: string;
let dataDir: string;
let lockPath: string;
const children: ChildProcess[] = [];

function startIdleProcess(): ChildProcess {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
  children.push(child);
  return child;
}

function writeLock(pid: number, command = "next-server"): void {
  fs.writeFileSync(lockPath, JSON.stringify({ pid, command, startedAt: "2025-01-02T03:04:05.000Z" }));
}

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-lock-"));
});

afterEach(() => {
  fs.rmSync(lockPath, { force: true });
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe("acquireDirectoryLock", () => {
  beforeAll(() => {
    dataDir = path.join(workDir, "nested", "pglite");
    lockPath = `${dataDir}.lock`;
  });

  it("writes a lock file naming this process, and release removes it", () => {
    const release = acquireDirectoryLock(dataDir);
    const holder = JSON.parse(fs.readFileSync(lockPath, "utf8")) as { pid: number; command: string; startedAt: string };
    expect(holder.pid).toBe(process.pid);
    expect(holder.command.length).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(holder.startedAt))).toBe(false);
    release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it("refuses a directory held by another live process, naming its pid", async () => {
    const other = startIdleProcess();
    await new Promise((resolve) => other.once("spawn", resolve));
    const pid = other.pid!;
    writeLock(pid);

    let caught: unknown;
    try {
      acquireDirectoryLock(dataDir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabaseInUseError);
    expect((caught as Error).name).toBe("DatabaseInUseError");
    expect((caught as Error).message).toContain(`in use by process ${pid} (next-server)`);
    expect((caught as Error).message).toContain("2025-01-02T03:04:05.000Z");
    // The other process's lock is left as it was.
    expect(JSON.parse(fs.readFileSync(lockPath, "utf8")).pid).toBe(pid);
  });

  it("takes over a stale lock left by a process that has exited", async () => {
    const gone = startIdleProcess();
    await new Promise((resolve) => gone.once("spawn", resolve));
    const pid = gone.pid!;
    const exited = new Promise((resolve) => gone.once("exit", resolve));
    gone.kill();
    await exited;
    writeLock(pid);

    const release = acquireDirectoryLock(dataDir);
    expect(JSON.parse(fs.readFileSync(lockPath, "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it("takes over a lock file that is unreadable", () => {
    fs.writeFileSync(lockPath, "{ not json");
    const release = acquireDirectoryLock(dataDir);
    expect(JSON.parse(fs.readFileSync(lockPath, "utf8")).pid).toBe(process.pid);
    release();
  });

  it("lets this same process reopen a directory it already holds", () => {
    const first = acquireDirectoryLock(dataDir);
    const second = acquireDirectoryLock(dataDir);
    expect(JSON.parse(fs.readFileSync(lockPath, "utf8")).pid).toBe(process.pid);
    second();
    expect(fs.existsSync(lockPath)).toBe(false);
    first(); // releasing twice is harmless
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it("does not remove a lock another process took after ours was released", () => {
    const release = acquireDirectoryLock(dataDir);
    writeLock(process.pid + 1_000_000); // someone else's now
    release();
    expect(fs.existsSync(lockPath)).toBe(true);
  });
});
