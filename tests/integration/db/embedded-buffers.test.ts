import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openEmbeddedDatabase } from "@/db/drivers";
import type { DatabaseHandle } from "@/db/client";
import { rowsOf } from "@/db/rows";

// PGLITE_SHARED_BUFFERS is the embedded database's setting; the PostgreSQL run has nothing to add.
const onPglite = inject("testDatabase").kind === "pglite";
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-buffers-"));

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

async function sharedBuffers(handle: DatabaseHandle): Promise<string> {
  try {
    const [row] = rowsOf<{ shared_buffers: string }>(await handle.db.execute(sql`SHOW shared_buffers`));
    return row!.shared_buffers;
  } finally {
    await handle.close();
  }
}

describe.skipIf(!onPglite)("the embedded database's cache size (PGLITE_SHARED_BUFFERS)", () => {
  it("starts PGlite with the size it is given, and with PGlite's own 128MB without one", async () => {
    const dataDir = path.join(workDir, "sized");
    expect(await sharedBuffers(openEmbeddedDatabase(dataDir, { sharedBuffers: "48MB" }))).toBe("48MB");
    // The same folder reopened without the setting: the size is a start parameter, not kept in the folder.
    expect(await sharedBuffers(openEmbeddedDatabase(dataDir))).toBe("128MB");
  });

  it("refuses a size that is not in MB or GB, or more than PGlite can start with, before touching the folder", async () => {
    const dataDir = path.join(workDir, "refused");
    for (const size of ["lots", "512", "0MB", "2 GB", "1TB"]) {
      expect(() => openEmbeddedDatabase(dataDir, { sharedBuffers: size })).toThrow(/must be a size in MB or GB, such as 256MB or 1GB/);
    }
    expect(() => openEmbeddedDatabase(dataDir, { sharedBuffers: "2GB" })).toThrow(/must be at most 1900MB/);
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
