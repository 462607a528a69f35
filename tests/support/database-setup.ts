import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { afterAll, beforeAll, inject } from "vitest";
import { appRole, closeDatabase, useDatabase } from "@/db/client";
import { openMemoryDatabase, openPostgresDatabase } from "@/db/drivers";
import { createDatabase, dropDatabase, withDatabaseName, withMaintenanceConnection } from "./test-database";

/**
 * Gives each integration test file a fresh, migrated database of its own, installed as the
 * process's database so that lib/ code (which uses `db` from db/client) runs against it, as the
 * application's role (portal_app), like the app. Tests that must act as the schema's owner use
 * `asOwner` from tests/support/owner.ts.
 */
const source = inject("testDatabase");
let ownDatabaseName: string | undefined;


beforeAll(async () => {
  if (source.kind === "pglite") {
    const dump = await fs.readFile(source.dumpFile);
    useDatabase(await openMemoryDatabase(new Blob([dump], { type: "application/x-tar" }), { role: appRole() }));
    return;
  }
  const name = `${source.templateName.replace(/_tpl$/, "").slice(0, 40)}_f${process.pid}_${randomBytes(4).toString("hex")}`;
  await withMaintenanceConnection(source.url, (sql) => createDatabase(sql, name, source.templateName));
  ownDatabaseName = name;
  // tests/support/owner.ts opens the owner's connection to this same database.
  (globalThis as { __testDatabaseUrl?: string }).__testDatabaseUrl = withDatabaseName(source.url, name);
  useDatabase(openPostgresDatabase(withDatabaseName(source.url, name), { role: appRole() }));
});

afterAll(async () => {
  await closeDatabase();
  const name = ownDatabaseName;
  ownDatabaseName = undefined;
  if (source.kind === "postgres" && name) await withMaintenanceConnection(source.url, (sql) => dropDatabase(sql, name));
});
