import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import journal from "../../db/migrations/meta/_journal.json";
import {
  assertBuilt,
  createPostgresDatabase,
  demoEnv,
  freePort,
  logLines,
  type PortalProcess,
  removeDir,
  runMigrate,
  runSetup,
  startPortal,
  tempDir,
} from "./support/portal-process";

/** Issue 10 #10: liveness and readiness probes, and the server's JSON log lines. */

const lastMigration = journal.entries.at(-1)!;
const dirs: string[] = [];

beforeAll(() => assertBuilt());

afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

async function getJson(url: string) {
  const response = await fetch(url, { redirect: "manual" });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

describe("on a migrated embedded database", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let port: number;
  let portal: PortalProcess;

  beforeAll(async () => {
    dir = tempDir();
    dirs.push(dir);
    port = await freePort();
    env = demoEnv(port, { PGLITE_DATA_DIR: `${dir}/pglite` });
    runSetup(env);
    portal = startPortal({ port, env });
    await portal.waitUntilServing("/api/health");
  });

  afterAll(async () => {
    await portal?.stop();
  });

  test("/api/health is 200 {status: ok}, never cached, without a session", async () => {
    const { status, headers, body } = await getJson(`${portal.url}/api/health`);
    expect(status).toBe(200);
    expect(body).toEqual({ status: "ok" });
    expect(headers.get("cache-control")).toBe("no-store");
    expect(headers.get("set-cookie")).toBeNull();
    expect(headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("/api/ready is 200 once the database answers and every migration is applied", async () => {
    const { status, headers, body } = await getJson(`${portal.url}/api/ready`);
    expect(status).toBe(200);
    expect(body).toEqual({ status: "ready", migrations: journal.entries.length });
    expect(headers.get("cache-control")).toBe("no-store");
  });

  test("probes are not rate-limited: 60 in a row all answer 200", async () => {
    const statuses = await Promise.all(
      Array.from({ length: 60 }, async (_, index) => (await fetch(`${portal.url}/api/${index % 2 ? "ready" : "health"}`)).status),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));
  });

  test("every line the server writes is JSON; each request has one line with its id, method, path, status and duration, without query string, emails or Tax IDs", async () => {
    const query = "?email=pat.morgan%40northside.example&token=secret-token-value&taxId=41-2345678";
    const pages = ["/findmydelegate", "/signin", "/staff/records/41-2345678", "/api/ready"];
    const ids: Record<string, string> = {};
    for (const page of pages) {
      const response = await fetch(`${portal.url}${page}${query}`, { redirect: "manual" });
      await response.arrayBuffer();
      ids[page] = response.headers.get("x-request-id")!;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const output = portal.output();
    const { entries, other } = logLines(output);
    expect(other).toEqual([]);
    for (const entry of entries) expect(entry).toMatchObject({ level: expect.any(String), time: expect.any(String), msg: expect.any(String) });

    const requests = entries.filter((entry) => entry.msg === "request");
    for (const page of pages) {
      const line = requests.find((entry) => entry.reqId === ids[page]);
      expect(line, page).toMatchObject({ method: "GET", status: expect.any(Number), ms: expect.any(Number), module: "http" });
      expect(line!.path).toBe(page === "/staff/records/41-2345678" ? "/staff/records/:taxId" : page);
    }
    expect(requests.find((entry) => entry.reqId === ids["/api/ready"])).toMatchObject({ status: 200 });
    for (const line of requests) expect(String(line.path)).not.toMatch(/[?#]/);
    expect(output).not.toMatch(/email=|token=|taxId=/);
    expect(output).not.toMatch(/pat\.morgan|northside\.example|secret-token-value|41-2345678|412345678/);
    expect(output).not.toContain(env.AUTH_SECRET!);
  });

  test("with a migration missing, /api/ready is 503 naming it, and /api/health stays 200", async () => {
    expect((await portal.stop()).code).toBe(0);
    const database = new PGlite(`${dir}/pglite`);
    await database.query("DELETE FROM drizzle.__drizzle_migrations WHERE created_at = $1", [lastMigration.when]);
    await database.close();

    portal = startPortal({ port, env });
    await portal.waitUntilServing("/api/health");
    const ready = await getJson(`${portal.url}/api/ready`);
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: "unavailable", reason: expect.stringContaining(`migrations not applied: ${lastMigration.tag}`) });
    expect(ready.headers.get("cache-control")).toBe("no-store");
    expect((await getJson(`${portal.url}/api/health`)).status).toBe(200);
    await portal.waitForOutput(new RegExp(`"msg":"not ready: migrations not applied: ${lastMigration.tag}`));
    // Logged from inside the app while it handled the request: the line carries that request's id.
    const notReady = logLines(portal.output()).entries.find((entry) => String(entry.msg).startsWith("not ready:"));
    expect(notReady).toMatchObject({ level: "warn", module: "ready", reqId: ready.headers.get("x-request-id") });
  });
});

describe("on PostgreSQL", () => {
  test("/api/ready is 200 on a migrated database, as the app's role", async () => {
    const database = await createPostgresDatabase("portal_system_ready");
    const port = await freePort();
    const env = demoEnv(port, { DATABASE_URL: database.url });
    let portal: PortalProcess | undefined;
    try {
      runMigrate(env);
      portal = startPortal({ port, env });
      await portal.waitUntilServing("/api/health");
      const ready = await getJson(`${portal.url}/api/ready`);
      expect(ready).toMatchObject({ status: 200, body: { status: "ready", migrations: journal.entries.length } });
    } finally {
      expect((await portal?.stop())?.code).toBe(0);
      await database.drop();
    }
  });

  test("with the database unreachable, /api/ready is 503 without naming the URL, /api/health is 200", async () => {
    const port = await freePort();
    const nobody = await freePort();
    const password = "hunter2-not-in-any-log";
    const portal = startPortal({ port, env: demoEnv(port, { DATABASE_URL: `postgres://portal_web:${password}@127.0.0.1:${nobody}/portal` }) });
    try {
      await portal.waitUntilServing("/api/health");
      expect((await getJson(`${portal.url}/api/health`)).body).toEqual({ status: "ok" });
      const ready = await getJson(`${portal.url}/api/ready`);
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({ status: "unavailable", reason: "the database is unreachable" });
      expect(JSON.stringify(ready.body)).not.toContain(String(nobody));
      await portal.waitForOutput(/"msg":"not ready: the database is unreachable"/);
    } finally {
      expect((await portal.stop()).code).toBe(0);
    }
    expect(portal.output()).not.toContain(password);
  });
});
