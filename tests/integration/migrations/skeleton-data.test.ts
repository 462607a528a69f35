import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { openMemoryDatabase, openPostgresDatabase } from "@/db/drivers";
import { migrationsFolder, runMigrations } from "@/db/migrator";
import { rowsOf } from "@/db/rows";
import { createDatabase, dropDatabase, withDatabaseName, withMaintenanceConnection } from "@/tests/support/test-database";

/**
 * The walking skeleton's rows (registered_organizations, grants carrying the role, a
 * pending_pin account) must come through the data-model migrations intact: a database is
 * migrated to the skeleton's schema only, filled, then migrated to the current schema.
 */
const source = inject("testDatabase");
const SKELETON_MIGRATIONS = ["0000_init", "0001_audit_append_only"];
let handle: DatabaseHandle;
let skeletonFolder: string;
let postgresName: string | undefined;

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await handle.db.execute(query));
}

beforeAll(async () => {
  skeletonFolder = await fs.mkdtemp(path.join(os.tmpdir(), "skeleton-migrations-"));
  await fs.mkdir(path.join(skeletonFolder, "meta"));
  const journal = JSON.parse(await fs.readFile(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: Array<{ tag: string }> };
  journal.entries = journal.entries.filter((entry) => SKELETON_MIGRATIONS.includes(entry.tag));
  await fs.writeFile(path.join(skeletonFolder, "meta", "_journal.json"), JSON.stringify(journal));
  for (const tag of SKELETON_MIGRATIONS) await fs.copyFile(path.join(migrationsFolder, `${tag}.sql`), path.join(skeletonFolder, `${tag}.sql`));

  if (source.kind === "pglite") {
    handle = await openMemoryDatabase();
  } else {
    postgresName = `${source.templateName.replace(/_tpl$/, "").slice(0, 40)}_mig_${randomBytes(4).toString("hex")}`;
    await withMaintenanceConnection(source.url, (maintenance) => createDatabase(maintenance, postgresName!));
    handle = openPostgresDatabase(withDatabaseName(source.url, postgresName));
  }
  await runMigrations(handle, skeletonFolder);
}, 60_000);

afterAll(async () => {
  await handle?.close();
  await fs.rm(skeletonFolder, { recursive: true, force: true });
  if (source.kind === "postgres" && postgresName) await withMaintenanceConnection(source.url, (maintenance) => dropDatabase(maintenance, postgresName!));
});

describe("migrating the walking skeleton's data", () => {
  it("turns registered Tax IDs into organizations and each grant's role into a membership", async () => {
    await handle.db.execute(sql`
      INSERT INTO provider_tax_ids (tax_id, legal_name, address_line1, city, state, postal_code) VALUES
        ('412345678', 'Northside Pediatrics', '200 North Ave', 'Saint Paul', 'MN', '55101'),
        ('411234567', 'Lakeside Family Clinic', '100 Lake St', 'Minneapolis', 'MN', '55401')`);
    await handle.db.execute(sql`
      INSERT INTO users (id, email, first_name, last_name, phone, password_hash, account_type, status, email_verified_at) VALUES
        ('00000000-0000-4000-8000-00000000000a', 'pat@northside.example', 'Pat', 'Morgan', '6515550142', 'x', 'provider', 'active', now()),
        ('00000000-0000-4000-8000-00000000000b', 'lee@northside.example', 'Lee', 'Chen', '6515550143', 'x', 'provider', 'active', now()),
        ('00000000-0000-4000-8000-00000000000c', 'cam@lakeside.example', 'Cam', 'Ruiz', '6125550144', 'x', 'provider', 'pending_pin', now())`);
    await handle.db.execute(sql`
      INSERT INTO registered_organizations (tax_id, registered_by_user_id, registered_at) VALUES
        ('412345678', '00000000-0000-4000-8000-00000000000a', '2026-01-05T10:00:00Z'),
        ('411234567', '00000000-0000-4000-8000-00000000000c', '2026-02-01T10:00:00Z')`);
    await handle.db.execute(sql`
      INSERT INTO access_grants (user_id, tax_id, role, method, evidence, status, granted_at, granted_by_user_id, revoked_at) VALUES
        ('00000000-0000-4000-8000-00000000000a', '412345678', 'delegate', 'check', 'Check ending 1002', 'active', '2026-01-05T10:00:00Z', NULL, NULL),
        ('00000000-0000-4000-8000-00000000000b', '412345678', 'user', 'delegate', NULL, 'active', '2026-01-06T10:00:00Z', '00000000-0000-4000-8000-00000000000a', NULL),
        ('00000000-0000-4000-8000-00000000000c', '411234567', 'delegate', 'check', 'Check ending 1001', 'revoked', '2026-02-01T10:00:00Z', NULL, '2026-03-01T10:00:00Z')`);

    await runMigrations(handle);

    const organizations = await rows<{ tax_id: string; kind: string; created_by_user_id: string }>(
      sql`SELECT tax_id, kind, created_by_user_id FROM organizations ORDER BY tax_id`,
    );
    expect(organizations).toEqual([
      { tax_id: "411234567", kind: "provider", created_by_user_id: "00000000-0000-4000-8000-00000000000c" },
      { tax_id: "412345678", kind: "provider", created_by_user_id: "00000000-0000-4000-8000-00000000000a" },
    ]);

    const members = await rows<{ email: string; tax_id: string; role: string; status: string; removed: boolean }>(sql`
      SELECT u.email, o.tax_id, m.role, m.status, m.removed_at IS NOT NULL AS removed
      FROM organization_members m JOIN users u ON u.id = m.user_id JOIN organizations o ON o.id = m.organization_id ORDER BY u.email`);
    expect(members).toEqual([
      { email: "cam@lakeside.example", tax_id: "411234567", role: "delegate", status: "removed", removed: true },
      { email: "lee@northside.example", tax_id: "412345678", role: "user", status: "active", removed: false },
      { email: "pat@northside.example", tax_id: "412345678", role: "delegate", status: "active", removed: false },
    ]);

    const grants = await rows<{ email: string; status: string; all_npis: boolean; created_matches: boolean; ended: boolean; ended_reason: string | null; evidence: string | null }>(sql`
      SELECT u.email, g.status, g.all_npis, g.created_at = g.granted_at AS created_matches, g.ended_at IS NOT NULL AS ended, g.ended_reason, g.evidence
      FROM access_grants g JOIN users u ON u.id = g.user_id ORDER BY u.email`);
    expect(grants).toEqual([
      { email: "cam@lakeside.example", status: "revoked", all_npis: true, created_matches: true, ended: true, ended_reason: "revoked", evidence: "Check ending 1001" },
      { email: "lee@northside.example", status: "active", all_npis: true, created_matches: true, ended: false, ended_reason: null, evidence: null },
      { email: "pat@northside.example", status: "active", all_npis: true, created_matches: true, ended: false, ended_reason: null, evidence: "Check ending 1002" },
    ]);

    const statuses = await rows<{ status: string }>(sql`SELECT DISTINCT status::text AS status FROM users`);
    expect(statuses).toEqual([{ status: "active" }]);
    const leftovers = await rows<{ name: string | null }>(sql`SELECT to_regclass('public.registered_organizations')::text AS name`);
    expect(leftovers).toEqual([{ name: null }]);
  });
});
