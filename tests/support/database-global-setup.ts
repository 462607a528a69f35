import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { openMemoryDatabase, openPostgresDatabase } from "../../db/drivers";
import { runMigrations } from "../../db/migrator";
import { createDatabase, disconnectAll, dropDatabase, templateNameFor, withDatabaseName, withMaintenanceConnection, type TestDatabaseSource } from "./test-database";

/**
 * Migrates once per run and hands the result to every integration test file:
 * - PGlite (DATABASE_URL unset): an in-memory database, migrated, dumped to a tar file;
 *   each file loads it into its own in-memory PGlite (initdb once instead of per file).
 * - PostgreSQL (DATABASE_URL set): a template database "<name>_tpl", migrated; each file
 *   creates its own database from it and drops it afterwards.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  const { source, teardown } = url ? await preparePostgresTemplate(url) : await preparePgliteDump();
  project.provide("testDatabase", source);
  return teardown;
}

async function preparePgliteDump(): Promise<{ source: TestDatabaseSource; teardown: () => Promise<void> }> {
  const handle = await openMemoryDatabase();
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), "portal-tests-"));
  const dumpFile = path.join(directory, "migrated-pgdata.tar");
  try {
    await runMigrations(handle);
    const client = (handle.db as unknown as { $client: unknown }).$client;
    if (!(client instanceof PGlite)) throw new Error("openMemoryDatabase() did not return a PGlite-backed handle.");
    const dump = await client.dumpDataDir("none");
    await fs.writeFile(dumpFile, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await handle.close();
  }
  return {
    source: { kind: "pglite", dumpFile },
    teardown: () => fs.rm(directory, { recursive: true, force: true }),
  };
}

async function preparePostgresTemplate(url: string): Promise<{ source: TestDatabaseSource; teardown: () => Promise<void> }> {
  const templateName = templateNameFor(url);
  await withMaintenanceConnection(url, async (sql) => {
    await dropDatabase(sql, templateName); // left over from an interrupted run
    await createDatabase(sql, templateName);
  });
  const handle = openPostgresDatabase(withDatabaseName(url, templateName));
  try {
    await runMigrations(handle);
  } finally {
    await handle.close();
  }
  // Nothing may stay connected to a template, or CREATE DATABASE ... TEMPLATE fails.
  await withMaintenanceConnection(url, (sql) => disconnectAll(sql, templateName));
  return {
    source: { kind: "postgres", url, templateName },
    teardown: () => withMaintenanceConnection(url, (sql) => dropDatabase(sql, templateName)),
  };
}
