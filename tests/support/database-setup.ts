import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDatabase, useDatabase } from "@/db/client";
import { openMemoryDatabase, openPostgresDatabase } from "@/db/drivers";
import { createDatabase, dropDatabase, withDatabaseName, withMaintenanceConnection } from "./test-database";

/**
 * Gives each integration test file a fresh, migrated database of its own, installed as the
 * process's database so that lib/ code (which uses `db` from db/client) runs against it.
 */
const source = inject("testDatabase");
let ownDatabaseName: string | undefined;

beforeAll(async () => {
  if (source.kind === "pglite") {
    const dump = await fs.readFile(source.dumpFile);
    useDatabase(await openMemoryDatabase(new Blob([dump], { type: "application/x-tar" })));
    return;
  }
  const name = `${source.templateName.replace(/_tpl$/, "").slice(0, 40)}_f${process.pid}_${randomBytes(4).toString("hex")}`;
  await withMaintenanceConnection(source.url, (sql) => createDatabase(sql, name, source.templateName));
  ownDatabaseName = name;
  useDatabase(openPostgresDatabase(withDatabaseName(source.url, name)));
});

afterAll(async () => {
  await closeDatabase();
  const name = ownDatabaseName;
  ownDatabaseName = undefined;
  if (source.kind === "postgres" && name) await withMaintenanceConnection(source.url, (sql) => dropDatabase(sql, name));
});
