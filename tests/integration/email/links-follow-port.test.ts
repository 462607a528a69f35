import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { env, forgetParsedEnv } from "@/lib/env";
import { registerWithCheck } from "@/lib/registration/register-with-check";
import { lakesideByVendor, riverbendByNpi } from "@/tests/factories/check-registration";
import { seedDemo } from "@/tests/factories/demo-data";
import { buildRequestContext } from "@/tests/factories/request-context";
import { emailsTo } from "@/tests/support/outbox";

beforeAll(() => seedDemo());

afterEach(() => {
  vi.unstubAllEnvs();
  forgetParsedEnv();
});

/** Starts the portal's configuration afresh from these variables, as a new server process would. */
function startWith(variables: Record<string, string>) {
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  forgetParsedEnv();
}

describe("email links on a development server", () => {
  it("point at the port the server listens on when APP_URL is unset (PORT=3201 npm run dev)", async () => {
    startWith({ NODE_ENV: "development", APP_URL: "", PORT: "3201" });
    expect(env().APP_URL).toBe("http://localhost:3201");

    const registration = lakesideByVendor();
    expect(await registerWithCheck(registration, buildRequestContext())).toEqual({ ok: true });
    const [email] = await emailsTo(registration.email, "verify-email");
    expect(email!.html).toMatch(/href="http:\/\/localhost:3201\/verify-email\?token=[A-Za-z0-9_-]+"/);
    expect(email!.text).toContain("http://localhost:3201/verify-email?token=");
    expect(email!.html).not.toContain("localhost:3000");
  });

  it("follow APP_URL when it is set, whatever the port", async () => {
    startWith({ NODE_ENV: "development", APP_URL: "http://portal.local:8443", PORT: "3201" });
    const registration = riverbendByNpi();
    expect(await registerWithCheck(registration, buildRequestContext())).toEqual({ ok: true });
    const [email] = await emailsTo(registration.email, "verify-email");
    expect(email!.text).toContain("http://portal.local:8443/verify-email?token=");
    expect(email!.text).not.toContain("localhost");
  });
});
