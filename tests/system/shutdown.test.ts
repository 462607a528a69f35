import fs from "node:fs";
import http from "node:http";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, expect, test } from "vitest";
import { assertBuilt, demoEnv, freePort, logLines, type PortalProcess, removeDir, runSetup, startPortal, tempDir } from "./support/portal-process";

/**
 * Issue 10 #13: on SIGTERM the server stops accepting, finishes the requests in flight, stops its
 * background work, closes the embedded database (releasing its lock) and exits 0.
 */

let dir: string;
let env: NodeJS.ProcessEnv;
let portal: PortalProcess;

beforeAll(async () => {
  assertBuilt();
  dir = tempDir();
  const port = await freePort();
  env = demoEnv(port, { PGLITE_DATA_DIR: `${dir}/pglite` });
  runSetup(env);
  portal = startPortal({ port, env });
  await portal.waitUntilServing("/findmydelegate");
});

afterAll(async () => {
  await portal?.stop("SIGKILL");
  if (dir) removeDir(dir);
});

const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Find my delegate submitted as a browser without JavaScript does: the page's form, as multipart. */
async function findMyDelegateSubmission(taxId: string): Promise<{ body: Buffer; contentType: string }> {
  const html = await (await fetch(`${portal.url}/findmydelegate`)).text();
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html)![1]!;
  const data = new FormData();
  for (const match of form.matchAll(/<input type="hidden" name="([^"]*)"(?: value="([^"]*)")?\/>/g)) data.append(decode(match[1]!), decode(match[2] ?? ""));
  data.append("taxId", taxId);
  data.append("npi", "");
  const request = new Request(`${portal.url}/findmydelegate`, { method: "POST", body: data });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get("content-type")! };
}

/**
 * Starts a POST whose body arrives in two parts: the request is in flight until `finish()` sends the
 * rest. It asks for "100 Continue", which Node's server sends as it hands the request to its handlers
 * (in the same turn): `received` resolves once the server has the request, however busy the machine.
 */
function slowPost(pathname: string, submission: { body: Buffer; contentType: string }) {
  const request = http.request(`${portal.url}${pathname}`, {
    method: "POST",
    headers: {
      "content-type": submission.contentType,
      "content-length": submission.body.length,
      origin: portal.url,
      connection: "close",
      expect: "100-continue",
    },
  });
  const received = new Promise<void>((resolve) => request.once("continue", () => resolve()));
  const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
  const half = Math.floor(submission.body.length / 2);
  request.write(submission.body.subarray(0, half));
  return { received, answered, finish: () => request.end(submission.body.subarray(half)) };
}

test("a request in flight at SIGTERM is answered, new connections are refused, the database closes and the process exits 0", async () => {
  const submission = await findMyDelegateSubmission("41-2345678");
  const inFlight = slowPost("/findmydelegate", submission);
  // The server has the request (its headers and half its body) when the signal arrives.
  await inFlight.received;
  portal.child.kill("SIGTERM");
  await portal.waitForOutput(/"msg":"stopping: no new connections; finishing the requests in flight"/);
  expect(logLines(portal.output()).entries.find((entry) => entry.signal === "SIGTERM")).toMatchObject({ inFlight: 1 });

  // Stopped accepting: a new connection is refused while the old request is still waiting for its body.
  await expect(fetch(`${portal.url}/api/health`)).rejects.toThrow();
  expect(portal.child.exitCode).toBeNull();

  inFlight.finish();
  const answer = await inFlight.answered;
  expect(answer.status).toBe(200);
  expect(answer.text).toContain("P. M.");

  const { code, signal } = await portal.exited;
  expect({ code, signal }).toEqual({ code: 0, signal: null });
  const messages = logLines(portal.output()).entries.filter((entry) => entry.module === "shutdown").map((entry) => entry.msg);
  expect(messages).toEqual([
    "stopping: no new connections; finishing the requests in flight",
    "requests finished; the server is closed",
    "the outbox worker and the scheduled jobs are stopped",
    "database closed",
    "stopped",
  ]);
  // The request's line was logged with its real status before the process ended.
  expect(logLines(portal.output()).entries.find((entry) => entry.msg === "request" && entry.method === "POST")).toMatchObject({ path: "/findmydelegate", status: 200 });

  // The embedded database was closed cleanly: its lock is gone...
  expect(fs.existsSync(`${dir}/pglite.lock`)).toBe(false);
  // ...it opens at once in another process, with the lookup the last request audited...
  const database = new PGlite(`${dir}/pglite`);
  const audited = await database.query<{ count: number }>("SELECT count(*)::int AS count FROM audit_events WHERE action = 'delegate.lookup'");
  await database.close();
  expect(audited.rows[0]!.count).toBe(1);
  // ...and `npm run setup` opens it again right away.
  expect(runSetup(env)).toContain("Demo data:");
});

test("a second start on the same directory serves again, and SIGINT stops it the same way", async () => {
  const port = await freePort();
  env = { ...env, APP_URL: `http://127.0.0.1:${port}` };
  portal = startPortal({ port, env });
  await portal.waitUntilServing("/api/ready");
  expect((await fetch(`${portal.url}/api/ready`)).status).toBe(200);
  expect(await portal.stop("SIGINT")).toEqual({ code: 0, signal: null });
  expect(portal.output()).toContain('"signal":"SIGINT"');
  expect(fs.existsSync(`${dir}/pglite.lock`)).toBe(false);
});
