import { describe, expect, it } from "vitest";
import { db, type Executor } from "@/db/client";
import { openMemoryDatabase } from "@/db/drivers";
import { appliedMigrationTimes } from "@/db/queries/health";
import { checkReadiness, EXPECTED_MIGRATIONS } from "@/lib/health/readiness";

const never = { execute: () => new Promise(() => {}) } as unknown as Executor;
const refusing = {
  execute: () => Promise.reject(new Error("Failed query", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }) })),
} as unknown as Executor;

describe("readiness (/api/ready)", () => {
  it("reads the applied migrations as the app's role, and finds every migration of the build", async () => {
    const applied = await appliedMigrationTimes(db);
    expect(applied.sort()).toEqual(EXPECTED_MIGRATIONS.map((migration) => migration.when).sort());
    expect(await checkReadiness()).toEqual({ ready: true, migrations: EXPECTED_MIGRATIONS.length });
  });

  it("names the migrations a database lacks", async () => {
    const expected = [...EXPECTED_MIGRATIONS, { tag: "0099_future_change", when: 4102444800000 }];
    expect(await checkReadiness(db, expected)).toEqual({
      ready: false,
      reason: "migrations not applied: 0099_future_change (run `npm run db:migrate` as the schema's owner)",
    });
  });

  it("says a never-migrated database lacks them all", async () => {
    const empty = await openMemoryDatabase();
    try {
      expect(await appliedMigrationTimes(empty.db)).toEqual([]);
      const readiness = await checkReadiness(empty.db);
      expect(readiness).toMatchObject({ ready: false, reason: expect.stringContaining(`migrations not applied: ${EXPECTED_MIGRATIONS[0]!.tag},`) });
    } finally {
      await empty.close();
    }
  }, 30_000);

  it("is not ready when the database is unreachable or does not answer, without the error's text in the reason", async () => {
    expect(await checkReadiness(refusing)).toEqual({ ready: false, reason: "the database is unreachable" });
    expect(await checkReadiness(never, EXPECTED_MIGRATIONS, 50)).toEqual({ ready: false, reason: "the database did not answer within 0.05 s" });
    expect(await checkReadiness()).toMatchObject({ ready: true });
  });
});
