import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { appRole, db, type Database, type DatabaseHandle } from "@/db/client";
import { openPostgresDatabase } from "@/db/drivers";
import { insertOutboxMessage } from "@/db/queries/outbox";
import { emailOutbox } from "@/db/schema";
import { asOwner } from "@/tests/support/owner";
import { startTcpProxy, type TcpProxy } from "@/tests/support/tcp-proxy";

// A restart is a PostgreSQL matter: PGlite lives in the process and has no connections to lose.
const onPostgres = inject("testDatabase").kind === "postgres";

async function whoAmI(database: Database): Promise<{ role: string; pid: number }> {
  const result = await database.execute<{ role: string; pid: number }>(sql`select current_user as role, pg_backend_pid() as pid`);
  const [row] = result as unknown as Array<{ role: string; pid: number }>;
  return row!;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: PromiseSettledResult<T> }> {
  const started = performance.now();
  const [result] = await Promise.allSettled([work()]);
  return { ms: performance.now() - started, result: result! };
}

describe.skipIf(!onPostgres)("the app's PostgreSQL pool when the database goes away and comes back", () => {
  let proxy: TcpProxy;
  let app: DatabaseHandle;

  beforeEach(async () => {
    const url = new URL((globalThis as { __testDatabaseUrl?: string }).__testDatabaseUrl!);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    // The app's own pool settings (db/drivers.ts), reaching the database through a proxy the test can cut.
    app = openPostgresDatabase(proxy.urlFor(url.toString()), { role: appRole() });
  });

  afterEach(async () => {
    await app.close();
    await proxy.close();
  });

  it("answers each query at once while the database is away, and afterwards opens new connections as the app's role", async () => {
    const before = await whoAmI(app.db);
    expect(before.role).toBe("portal_app");

    await proxy.cut();
    // Every query fails fast, also after many failed connections in a row (the driver's default
    // back-off would make them wait up to 20 s each).
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const { ms, result } = await timed(() => whoAmI(app.db));
      expect(result.status).toBe("rejected");
      expect(ms).toBeLessThan(2500);
    }

    await proxy.restore();
    const { ms, result } = await timed(() => whoAmI(app.db));
    expect(ms).toBeLessThan(2500);
    expect(result).toMatchObject({ status: "fulfilled", value: { role: "portal_app" } });
    // A new server process: the role is the connection's startup parameter, so every replacement has it.
    expect((result as PromiseFulfilledResult<{ pid: number }>).value.pid).not.toBe(before.pid);
    const roles = await Promise.all(Array.from({ length: 5 }, () => whoAmI(app.db)));
    expect(new Set(roles.map((row) => row.role))).toEqual(new Set(["portal_app"]));
  });

  async function outboxRowsTo(address: string) {
    return db.select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.toAddress, address));
  }

  const message = (to: string) => ({ template: "test", toAddress: to, subject: "Saved?", html: "<p>x</p>", text: "x" });

  it("a transaction whose connection is cut during a statement rejects, saves nothing, and the process and pool carry on", async () => {
    const cut = proxy.cutWhenClientSends("select 'cut here'");
    const attempt = app.db.transaction(async (tx) => {
      await insertOutboxMessage(tx, message("during@reconnect.example"));
      await tx.execute(sql`select 'cut here'`);
      await insertOutboxMessage(tx, message("during.after@reconnect.example"));
    });
    await expect(attempt).rejects.toMatchObject({ code: "CONNECTION_CLOSED" });
    await cut;
    await proxy.restore();
    // Time for anything the transaction might still send (a ROLLBACK on the dead connection would end this process).
    await app.db.execute(sql`select 1`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await outboxRowsTo("during@reconnect.example")).toEqual([]);
    expect(await outboxRowsTo("during.after@reconnect.example")).toEqual([]);
    await app.db.transaction((tx) => insertOutboxMessage(tx, message("next@reconnect.example")));
    expect(await outboxRowsTo("next@reconnect.example")).toHaveLength(1);
  });

  it("a transaction whose connection is lost between two statements sends nothing more: its later statements are not saved on a new connection", async () => {
    let resume!: () => void;
    const paused = new Promise<void>((resolve) => (resume = resolve));
    let inserted!: () => void;
    const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
    const attempt = app.db.transaction(async (tx) => {
      await insertOutboxMessage(tx, message("between.first@reconnect.example"));
      inserted();
      await paused; // e.g. hashing a password, rendering an email
      await insertOutboxMessage(tx, message("between.second@reconnect.example"));
    });
    const settled = attempt.then(
      () => "committed",
      (error: { code?: string }) => error.code,
    );
    await firstInserted;
    await proxy.cut();
    await proxy.restore();
    // The pool reopens its connections for other work before the transaction goes on.
    await Promise.all(Array.from({ length: 12 }, () => app.db.execute(sql`select 1`)));
    resume();
    expect(await settled).toBe("CONNECTION_CLOSED");
    await new Promise((resolve) => setTimeout(resolve, 300));
    await app.db.execute(sql`select 1`);
    expect(await outboxRowsTo("between.first@reconnect.example")).toEqual([]);
    expect(await outboxRowsTo("between.second@reconnect.example")).toEqual([]);
  });

  it("a transaction whose server process is ended (as by a restart) rejects and saves nothing", async () => {
    let resume!: () => void;
    const paused = new Promise<void>((resolve) => (resume = resolve));
    let started!: (pid: number) => void;
    const backend = new Promise<number>((resolve) => (started = resolve));
    const attempt = app.db.transaction(async (tx) => {
      await insertOutboxMessage(tx, message("terminated.first@reconnect.example"));
      started((await whoAmI(tx)).pid);
      await paused;
      await insertOutboxMessage(tx, message("terminated.second@reconnect.example"));
    });
    const settled = attempt.then(
      () => "committed",
      (error: { code?: string }) => error.code ?? String(error),
    );
    const pid = await backend;
    await asOwner((owner) => owner.execute(sql`select pg_terminate_backend(${pid})`));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await Promise.all(Array.from({ length: 12 }, () => app.db.execute(sql`select 1`).catch(() => undefined)));
    resume();
    expect(await settled).toBe("CONNECTION_CLOSED");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await outboxRowsTo("terminated.first@reconnect.example")).toEqual([]);
    expect(await outboxRowsTo("terminated.second@reconnect.example")).toEqual([]);
    expect((await whoAmI(app.db)).role).toBe("portal_app");
  });
});
