import { randomBytes } from "node:crypto";
import postgres from "postgres";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, submitSignIn } from "./support/browser";
import { assertBuilt, createPostgresDatabase, demoEnv, freePort, type PortalProcess, runSetup, startPortal } from "./support/portal-process";
import { poll } from "./support/poll";

/**
 * Two server processes of the built portal on one PostgreSQL database, as two instances behind a
 * load balancer: the outbox, the scheduled passes, sessions and rate limits are shared through
 * the database, so each email goes once, each period's pass runs once, and what one instance
 * knows about a person the other knows too.
 */
const RELEASE_SECONDS = 2;
const CASEY = { email: "casey.holt@summithealth.example", password: "summit-demo-pass" };
const PAT = { email: "pat.morgan@northside.example", password: "northside-demo-pass" };

let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
let a: PortalProcess;
let b: PortalProcess;
let owner: postgres.Sql;
let browser: Browser;

beforeAll(async () => {
  assertBuilt();
  database = await createPostgresDatabase("portal_two");
  const [portA, portB] = [await freePort(), await freePort()];
  // Every instance of one portal has the same settings (bar its own address).
  const shared = {
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    MFA_REQUIRED: "false",
    RELEASE_JOB_SECONDS: String(RELEASE_SECONDS),
    ACCESS_REQUEST_JOB_SECONDS: "3",
    OUTBOX_POLL_SECONDS: "1",
  };
  runSetup(demoEnv(portA, shared));
  a = startPortal({ port: portA, env: demoEnv(portA, shared) });
  b = startPortal({ port: portB, env: demoEnv(portB, shared) });
  await Promise.all([a.waitUntilServing(), b.waitUntilServing()]);
  owner = postgres(database.url, { max: 2, onnotice: () => {} });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([a?.stop(), b?.stop()]);
  await owner?.end({ timeout: 5 });
  await database?.drop();
});

describe("two instances on one PostgreSQL", () => {
  it("deliver each queued email once, sharing the work", async () => {
    const batch = `batch-${Date.now()}`;
    await owner`
      insert into email_outbox (template, to_address, subject, html, text)
      select 'test', ${batch} || '.' || n || '@two.example', 'Message ' || n, '<p>' || n || '</p>', n::text
      from generate_series(1, 200) as n`;
    const { value: rows } = await poll(
      () => owner<{ status: string; attempts: number; provider_message_id: string | null }[]>`
        select status, attempts, provider_message_id from email_outbox where to_address like ${`${batch}.%`}`,
      (found) => found.length === 200 && found.every((row) => row.status === "sent"),
      60_000,
    );
    // One claim each: no message was taken (and so sent) by both instances.
    expect(rows.filter((row) => row.attempts !== 1)).toEqual([]);
    // The dev mailbox names the process that delivered each: both took part.
    const senders = new Set(rows.map((row) => /^dev-.+:(\d+)-/.exec(row.provider_message_id ?? "")?.[1]));
    expect(senders).toEqual(new Set([String(a.child.pid), String(b.child.pid)]));
    expect(`${a.output()}${b.output()}`).not.toContain("its claim had passed to another sender");
  });

  it("run each scheduled pass once per period between them", async () => {
    // Let several periods of both jobs go by, counted from now: the servers have finished the
    // emails above, so a missed period from here on is a fault, not a busy machine's late timer.
    const settled = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 5 * RELEASE_SECONDS * 1000 + 1000));
    const ranHere = /\[jobs\] (release|access-requests): ran the pass of the period from (\S+) here/g;
    const runs = [...a.output().matchAll(ranHere), ...b.output().matchAll(ranHere)].map((match) => `${match[1]} ${match[2]}`);
    const release = runs.filter((run) => run.startsWith("release "));
    expect(release.length).toBeGreaterThanOrEqual(5);
    // No period run twice, by either instance or both.
    expect(runs.length).toBe(new Set(runs).size);
    // And none missed: the release periods run since then follow each other without a gap.
    const starts = release
      .map((run) => Date.parse(run.slice("release ".length)))
      .filter((start) => start >= settled)
      .toSorted((x, y) => x - y);
    expect(starts.length).toBeGreaterThanOrEqual(4);
    for (let index = 1; index < starts.length; index += 1) expect(starts[index]! - starts[index - 1]!).toBe(RELEASE_SECONDS * 1000);
    // The table agrees: each logged run is a succeeded period claimed by one of the two processes.
    const recorded = await owner<{ job: string; period_start: Date; status: string; claimed_by: string }[]>`
      select job, period_start, status, claimed_by from job_runs where job in ('release', 'access-requests')`;
    const pids = [a.child.pid, b.child.pid].map(String);
    for (const run of runs) {
      const [job, start] = run.split(" ");
      const row = recorded.find((candidate) => candidate.job === job && candidate.period_start.toISOString() === start);
      expect(row).toMatchObject({ status: "succeeded" });
      expect(pids).toContain(row!.claimed_by.split(":").at(-1));
    }
  });

  it("share sessions: signed in on A, the browser is signed in on B, and signing out on B ends it on A", async () => {
    const onA = await browser.newContext();
    const pageA = await onA.newPage();
    await submitSignIn(pageA, a.url, CASEY.email, CASEY.password);
    await pageA.waitForURL(`${a.url}/access`);
    await pageA.getByText("Summit Health System").first().waitFor();

    // The same cookies, sent to the other instance.
    const onB = await browser.newContext();
    await onB.addCookies((await onA.cookies(a.url)).map(({ name, value }) => ({ name, value, url: b.url })));
    const pageB = await onB.newPage();
    const response = await pageB.goto(`${b.url}/access`);
    expect(response?.status()).toBe(200);
    expect(new URL(pageB.url()).pathname).toBe("/access");
    await pageB.getByText("Summit Health System").first().waitFor();

    await Promise.all([pageB.waitForURL(/\/signin\?signedOut=1$/), pageB.getByRole("button", { name: "Sign out" }).first().click()]);
    await pageA.goto(`${a.url}/access`);
    expect(new URL(pageA.url()).pathname).toBe("/signin");
    await onA.close();
    await onB.close();
  });

  it("share rate limits: failed sign-ins counted on A and B together pause the next sign-in on either", async () => {
    const onA = await (await browser.newContext()).newPage();
    const onB = await (await browser.newContext()).newPage();
    for (const [page, url] of [
      [onA, a.url],
      [onB, b.url],
      [onA, a.url],
      [onB, b.url],
      [onA, a.url],
    ] as const) {
      await submitSignIn(page, url, PAT.email, "not the right password");
      await page.getByRole("alert").filter({ hasText: "The email address or password is not right" }).waitFor();
    }
    // The sixth, with the right password, on B: paused by the five failures made on both.
    await submitSignIn(onB, b.url, PAT.email, PAT.password);
    await onB.getByRole("alert").filter({ hasText: "There have been too many unsuccessful sign-in attempts from this device or network." }).waitFor();
    expect(new URL(onB.url()).pathname).toBe("/signin");
    await onA.context().close();
    await onB.context().close();
  });
});
