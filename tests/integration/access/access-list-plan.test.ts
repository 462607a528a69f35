import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { database, type Database } from "@/db/client";
import { listAccessForUser } from "@/db/queries/access";
import * as schema from "@/db/schema";
import { explainPrepared } from "@/scripts/bench/prepared-plan";
import { demoDelegate, seedDemo } from "@/tests/factories/demo-data";

/**
 * /access's statement, as the app sends it. On PostgreSQL every statement with parameters is a
 * named prepared statement (db/drivers.ts), and after five runs PostgreSQL may keep one generic
 * plan for any parameters. A status sent as a parameter kept that plan off the partial index
 * organization_members_live_key: it read each of a delegate's memberships once per Tax ID.
 */
async function accessListStatement(userId: string): Promise<{ statement: string; params: unknown[] }> {
  const sent: Array<{ statement: string; params: unknown[] }> = [];
  const logger = { logQuery: (statement: string, params: unknown[]) => sent.push({ statement, params }) };
  const handle = database();
  const client = (handle.db as unknown as { $client: unknown }).$client;
  const logged = (handle.kind === "postgres" ? drizzlePostgres(client as postgres.Sql, { schema, logger }) : drizzlePglite(client as PGlite, { schema, logger })) as unknown as Database;
  await listAccessForUser(logged, userId);
  expect(sent).toHaveLength(1);
  return sent[0]!;
}

let pat: { id: string };

beforeAll(async () => {
  await seedDemo();
  pat = await demoDelegate();
});

describe("/access's statement", () => {
  it("has the person as its only parameter: the live membership is in its text, as the partial index's predicate", async () => {
    const { statement, params } = await accessListStatement(pat.id);
    expect(params).toEqual([pat.id]);
    expect(statement).toContain(`"organization_members"."status" = 'active'`);
  });

  it.runIf(inject("testDatabase").kind === "postgres")("keeps the partial membership index in its generic plan (PostgreSQL)", async () => {
    const { statement, params } = await accessListStatement(pat.id);
    const client = (database().db as unknown as { $client: postgres.Sql }).$client;
    // The plan PostgreSQL keeps for any parameters; no sequential scans, which a tiny test database would otherwise prefer.
    const plan = (await explainPrepared(client, statement, params, { explain: "COSTS OFF", settings: ["plan_cache_mode = force_generic_plan", "enable_seqscan = off"] })).join("\n");
    expect(plan).toContain("organization_members_live_key");
  });
});
