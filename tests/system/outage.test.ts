import postgres from "postgres";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { launchChromium, submitSignIn } from "./support/browser";
import { assertBuilt, createPostgresDatabase, demoEnv, freePort, type PortalProcess, runSetup, startPortal } from "./support/portal-process";
import { poll } from "./support/poll";

/**
 * The built portal on PostgreSQL, reached through a TCP proxy that the test cuts (every
 * connection destroyed, new ones refused) and restores, as a restart of PostgreSQL looks to it.
 * The machine's PostgreSQL itself keeps running.
 */
const FRIENDLY_PAGE = "Sorry, something went wrong on our side";
const FRIENDLY_ACTION = "Something went wrong on our side and nothing was saved";
const PAT = { email: "pat.morgan@northside.example", password: "northside-demo-pass" };

let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
let proxy: TcpProxy;
let portal: PortalProcess;
let owner: postgres.Sql;
let browser: Browser;

beforeAll(async () => {
  assertBuilt();
  database = await createPostgresDatabase("portal_outage");
  proxy = await startTcpProxy();
  const port = await freePort();
  const env = demoEnv(port, { DATABASE_URL: database.url, MFA_REQUIRED: "false" });
  runSetup(env);
  portal = startPortal({ port, env: { ...env, DATABASE_URL: proxy.urlFor(database.url) } });
  await portal.waitUntilServing();
  owner = postgres(database.url, { max: 2, onnotice: () => {} });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await proxy?.close();
  await owner?.end({ timeout: 5 });
  await database?.drop();
});

async function mailboxStatus(): Promise<{ status: number; body: string; ms: number }> {
  const started = Date.now();
  const response = await fetch(`${portal.url}/dev/mailbox`, { redirect: "manual" });
  return { status: response.status, body: await response.text(), ms: Date.now() - started };
}

async function outboxStatus(to: string): Promise<string | null> {
  const [row] = await owner<{ status: string }[]>`select status from email_outbox where to_address = ${to}`;
  return row?.status ?? null;
}

describe("PostgreSQL goes away and comes back", () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext();
    page = await context.newPage();
    await submitSignIn(page, portal.url, PAT.email, PAT.password);
    await page.waitForURL(`${portal.url}/access`);
  });

  afterAll(() => context.close());

  it("pages that read the database show the friendly error during the outage, and work again afterwards without a restart; an email queued meanwhile is delivered", async () => {
    await page.getByText("Northside Pediatrics").first().waitFor();
    expect((await mailboxStatus()).status).toBe(200);

    await proxy.cut();
    const during = await mailboxStatus();
    expect(during.status).toBe(500);
    // No stack, no SQL, no driver message: only Next's error document with a reference.
    expect(during.body).not.toMatch(/Failed query|ECONNREFUSED|email_outbox|select |\bat .+:\d+:\d+/i);
    // The answer comes at once, not after the driver's reconnect back-off.
    expect(during.ms).toBeLessThan(5_000);

    for (const path of ["/access", "/dev/mailbox"]) {
      const response = await page.goto(`${portal.url}${path}`);
      expect(response?.status()).toBe(500);
      await page.getByRole("heading", { level: 1, name: FRIENDLY_PAGE }).waitFor();
      expect(await page.getByRole("main").innerText()).toContain("Please try again in a few minutes");
    }

    // An email queued while the portal can't reach the database (here by another writer).
    const queuedDuring = `queued.during.outage.${Date.now()}@outage.example`;
    await owner`insert into email_outbox (template, to_address, subject, html, text) values ('test', ${queuedDuring}, 'Queued during the outage', '<p>x</p>', 'x')`;
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await outboxStatus(queuedDuring)).toBe("pending");

    await proxy.restore();
    const recovered = await poll(mailboxStatus, (answer) => answer.status === 200, 15_000);
    expect(recovered.ms).toBeLessThan(10_000);
    const response = await page.goto(`${portal.url}/access`);
    expect(response?.status()).toBe(200);
    await page.getByText("Northside Pediatrics").first().waitFor();
    await poll(() => outboxStatus(queuedDuring), (status) => status === "sent", 15_000);

    expect(portal.child.exitCode).toBeNull();
    expect(portal.output()).toMatch(/\[outbox\] delivery run failed; it will be retried: .*ECONNREFUSED/);
  });

  it("a registration sent during the outage, or cut off inside its transaction, saves nothing; sent again afterwards it goes through", async () => {
    const email = `jordan.lee.${Date.now()}@lakeside.example`;
    const registration = await context.newPage();
    await registration.goto(`${portal.url}/register/provider/check`);
    const fill = async () => {
      await registration.getByRole("textbox", { name: "Tax ID", exact: true }).fill("41-1234567");
      await registration.getByRole("textbox", { name: "Check number", exact: true }).fill("7001001");
      await registration.getByRole("radio", { name: "Vendor number" }).check();
      await registration.getByRole("textbox", { name: "Vendor number", exact: true }).fill("100234");
      await registration.getByRole("textbox", { name: "First name", exact: true }).fill("Jordan");
      await registration.getByRole("textbox", { name: "Last name", exact: true }).fill("Lee");
      await registration.getByRole("textbox", { name: "Work email", exact: true }).fill(email);
      await registration.getByRole("textbox", { name: "Work phone", exact: true }).fill("612-555-0100");
      await registration.getByLabel("Password", { exact: true }).fill("quiet lantern harbor meadow 42");
    };
    const submit = () =>
      Promise.all([registration.waitForResponse((response) => response.request().method() === "POST"), registration.getByRole("button", { name: "Create my account" }).click()]);
    const savedRows = async () => {
      const [row] = await owner<{ users: number; members: number; grants: number; emails: number; created: number }[]>`
        select
          (select count(*)::int from users where email = ${email}) as users,
          (select count(*)::int from organization_members m join organizations o on o.id = m.organization_id where o.tax_id = '411234567') as members,
          (select count(*)::int from access_grants where tax_id = '411234567') as grants,
          (select count(*)::int from email_outbox where to_address = ${email}) as emails,
          (select count(*)::int from audit_events where action = 'registration.created' and tax_id = '411234567') as created`;
      return row!;
    };
    const nothingSaved = { users: 0, members: 0, grants: 0, emails: 0, created: 0 };

    // 1. The database is away when the form is sent.
    await fill();
    await proxy.cut();
    await submit();
    await registration.getByRole("alert").filter({ hasText: FRIENDLY_ACTION }).waitFor();
    expect(await registration.getByRole("textbox", { name: "Work email", exact: true }).inputValue()).toBe(email);
    await proxy.restore();
    expect(await savedRows()).toEqual(nothingSaved);

    // 2. The connection is cut inside the registration's transaction: the account, membership,
    // grant and audit rows are written, and the cut comes with its last statement (the email).
    await proxy.cut();
    await proxy.restore(); // fresh connections: the statement's text goes over the wire again
    const cutInside = proxy.cutWhenClientSends('insert into "email_outbox"');
    await registration.getByLabel("Password", { exact: true }).fill("quiet lantern harbor meadow 42");
    await submit();
    await cutInside;
    await registration.getByRole("alert").filter({ hasText: FRIENDLY_ACTION }).waitFor();
    await proxy.restore();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await savedRows()).toEqual(nothingSaved);
    // The server lives on (postgres.js would have written the transaction's ROLLBACK to the dead connection: db/postgres-transactions.ts).
    expect(portal.child.exitCode).toBeNull();
    expect(portal.output()).not.toContain("Cannot read properties of null");

    // 3. Back up: the same form goes through, and its confirmation email is delivered.
    await registration.getByLabel("Password", { exact: true }).fill("quiet lantern harbor meadow 42");
    await Promise.all([registration.waitForURL(`${portal.url}/register/check-email`), registration.getByRole("button", { name: "Create my account" }).click()]);
    const saved = await savedRows();
    expect(saved).toMatchObject({ users: 1, members: 1, grants: 1, emails: 1, created: 1 });
    await poll(() => outboxStatus(email), (status) => status === "sent", 15_000);
    await registration.close();
  });
});
