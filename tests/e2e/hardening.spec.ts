import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { watchConsole } from "./support";

/**
 * Issue 6 #2, #6, #7, #10 against the built server (`npm start`'s server.mjs, TRUSTED_PROXY_HOPS
 * from the project: 0 for "hardening", 1 for "hardening-proxy").
 */
const DEMO_BANNER = "Demo site: emails are not sent; they appear in the dev mailbox. Don't enter real information.";
const PUBLIC_PAGES = ["/", "/signin", "/register", "/register/provider", "/register/provider/check", "/register/provider/notice", "/register/provider/mail", "/register/provider/not-listed", "/dev/mailbox"];

function nonceOf(csp: string | null): string {
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "")?.[1];
  expect(nonce, `no nonce in ${csp}`).toBeTruthy();
  return nonce!;
}

/** Records CSP violations the page reports (Chromium also logs them as console errors). */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective}: ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

/**
 * One failed sign-in through the sign-in form, claiming `forwardedFor` as X-Forwarded-For (and
 * X-Real-IP); a new unknown email each time, so only the per-client limit can engage. True when
 * the portal paused sign-in for too many attempts.
 */
async function failedSignIn(page: Page, forwardedFor: string): Promise<boolean> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": forwardedFor, "x-real-ip": forwardedFor.split(",")[0]! });
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Sign in" }) });
  await form.getByRole("textbox", { name: "Email" }).fill(`nobody.${Date.now()}.${Math.random().toString(36).slice(2)}@e2e.example`);
  await form.getByLabel("Password", { exact: true }).fill("not-the-password");
  const answered = page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/signin");
  await form.getByRole("button", { name: "Sign in" }).click();
  expect((await answered).status()).toBeLessThan(500);
  const alert = form.getByRole("alert").filter({ hasText: /not right|too many/i });
  await expect(alert).toBeVisible();
  return /too many unsuccessful sign-in attempts/i.test(await alert.innerText());
}

function randomAddress(): string {
  return `198.51.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;
}

test.describe("with no trusted proxy (TRUSTED_PROXY_HOPS=0)", () => {
  test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== "hardening", "runs on the server with no trusted proxy"));

  test("every page carries a CSP with a fresh nonce that Next's scripts use, and no page breaks it", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchConsole(page);
    const violations = await watchViolations(page);
    const nonces = new Set<string>();
    for (const path of PUBLIC_PAGES) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      const headers = response!.headers();
      const csp = headers["content-security-policy"] ?? null;
      const nonce = nonceOf(csp);
      nonces.add(nonce);
      for (const directive of ["script-src 'self' 'nonce-", "'strict-dynamic'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
        expect(csp, path).toContain(directive);
      }
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
      // Served over plain HTTP here: no HSTS.
      expect(headers["strict-transport-security"]).toBeUndefined();
      // Every script of the page as served carries this response's nonce (rendered for the request
      // by Next, or prerendered and stamped by server.mjs), and they ran (the page is interactive).
      // Chunks Next's loader adds afterwards (a prefetched page's) are trusted through 'strict-dynamic'.
      const served = await response!.text();
      const scriptTags = served.match(/<script\b[^>]*>/gi) ?? [];
      expect(scriptTags.filter((tag) => /\ssrc=/.test(tag)).length, path).toBeGreaterThan(0);
      expect(new Set(scriptTags.map((tag) => /\snonce="([^"]*)"/.exec(tag)?.[1] ?? "(none)")), path).toEqual(new Set([nonce]));
      const inDocument = await page.locator("script[src]").evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
      expect(inDocument.filter((value) => value === nonce).length, path).toBeGreaterThan(0);
      await expect(page.getByRole("complementary", { name: "Demo site" })).toHaveText(DEMO_BANNER);
      expect(await violations(), path).toEqual([]);
    }
    expect(nonces.size).toBe(PUBLIC_PAGES.length);

    // Client-side navigation and a server action work under the policy (the sign-in form's error).
    await page.goto("/signin");
    await page.getByRole("textbox", { name: "Email" }).fill("nobody@e2e.example");
    await page.getByLabel("Password", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("The email address or password is not right.")).toBeVisible();
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  test("a forged X-Forwarded-For does not change the client address: the per-client sign-in limit engages", async ({ page }) => {
    await page.goto("/signin");
    let refusedAfter = 0;
    for (let attempt = 1; attempt <= 150; attempt += 1) {
      if (await failedSignIn(page, randomAddress())) {
        refusedAfter = attempt;
        break;
      }
    }
    // Every attempt came from this one connection, whatever address each one claimed.
    expect(refusedAfter).toBeGreaterThan(1);
  });

  test("hostile server action requests get 4xx, never 500; another site's call gets 403", async ({ page, request, baseURL }) => {
    await page.goto("/signin");
    const html = await page.content();
    // The form's action reference: {"id":"<hex>","bound":null} in a hidden input.
    const actionId = /&quot;id&quot;:&quot;([0-9a-f]{40,})&quot;/.exec(html)?.[1];
    expect(actionId, "an action id on /signin").toBeTruthy();
    const origin = baseURL!;
    const action = { "next-action": actionId!, origin };
    const big = "a".repeat(2 * 1024 * 1024);
    const cases: Array<[string, Parameters<APIRequestContext["post"]>[1], number[]]> = [
      ["another site", { headers: { ...action, origin: "https://evil.example", "content-type": "text/plain" }, data: "[]" }, [403]],
      ["empty body", { headers: action }, [400]],
      ["JSON that is not JSON", { headers: { ...action, "content-type": "text/plain" }, data: "[{" }, [400]],
      ["malformed multipart", { headers: { ...action, "content-type": "multipart/form-data; boundary=XYZ" }, data: '--XYZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nb' }, [400]],
      ["multipart without a boundary", { headers: { ...action, "content-type": "multipart/form-data" }, data: "garbage" }, [400]],
      ["oversized text", { headers: { ...action, "content-type": "text/plain" }, data: big }, [413]],
      ["oversized multipart", { headers: action, multipart: { email: big } }, [413]],
      ["forged Host", { headers: { ...action, host: "evil.example", "content-type": "text/plain" }, data: "[]" }, [400]],
      ["unknown action id", { headers: { ...action, "next-action": "00000000000000000000000000000000000000aa00", "content-type": "text/plain" }, data: "[]" }, [400, 404, 409]],
      ["malformed action id", { headers: { ...action, "next-action": "<script>", "content-type": "text/plain" }, data: "[]" }, [400]],
      ["a JSON object instead of the arguments", { headers: { ...action, "content-type": "application/json" }, data: '{"email":"a"}' }, [200, 400]],
    ];
    for (const [name, options, expected] of cases) {
      const response = await request.post("/signin", { ...options, maxRedirects: 0 });
      expect(expected, `${name}: ${response.status()} ${(await response.text()).slice(0, 200)}`).toContain(response.status());
    }
  });
});

test.describe("behind one reverse proxy (TRUSTED_PROXY_HOPS=1)", () => {
  test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== "hardening-proxy", "runs on the server behind one trusted proxy"));

  test("the client is the entry the proxy appended; what the client wrote to its left is ignored", async ({ page }) => {
    await page.goto("/signin");
    // The proxy appends the real client (always the same here); the client forges entries to its left.
    const realClient = randomAddress();
    let refusedAfter = 0;
    for (let attempt = 1; attempt <= 150; attempt += 1) {
      if (await failedSignIn(page, `${randomAddress()}, ${realClient}`)) {
        refusedAfter = attempt;
        break;
      }
    }
    expect(refusedAfter).toBeGreaterThan(1);
    // Another client behind the same proxy is not affected.
    await page.goto("/signin");
    expect(await failedSignIn(page, `${randomAddress()}, ${randomAddress()}`)).toBe(false);
  });
});
