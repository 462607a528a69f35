import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { envErrorMessage as messageOf } from "../../support/env-error";

const SECRET = "x".repeat(32);


describe("the dev mailbox in production (issue 6 #10)", () => {
  it("refuses DEV_MAILBOX=true without DEMO_MODE=true, naming both and why", () => {
    const message = messageOf({ NODE_ENV: "production", AUTH_SECRET: SECRET, DEV_MAILBOX: "true" });
    expect(message).toMatch(/DEV_MAILBOX set to true in production needs DEMO_MODE=true/);
    expect(message).toMatch(/shows every email/);
    expect(messageOf({ NODE_ENV: "production", AUTH_SECRET: SECRET, DEV_MAILBOX: "true", DEMO_MODE: "false" })).toMatch(/DEMO_MODE=true/);
  });

  it("runs a demo with both switches, and says it is one", () => {
    const demo = parseEnv({ NODE_ENV: "production", AUTH_SECRET: SECRET, DEV_MAILBOX: "true", DEMO_MODE: "true" });
    expect(demo).toMatchObject({ devMailbox: true, emailTransport: "dev-mailbox", demoMode: true });
  });

  it("is no demo in production with Resend, nor in development", () => {
    expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: SECRET, RESEND_API_KEY: "re_key", DEMO_MODE: "true" }).demoMode).toBe(false);
    expect(parseEnv({ AUTH_SECRET: SECRET }).demoMode).toBe(false);
  });

  it("parses TRUSTED_PROXY_HOPS and DATABASE_APP_ROLE", () => {
    expect(parseEnv({ AUTH_SECRET: SECRET })).toMatchObject({ TRUSTED_PROXY_HOPS: 0, DATABASE_APP_ROLE: "portal_app" });
    expect(parseEnv({ AUTH_SECRET: SECRET, TRUSTED_PROXY_HOPS: "1", DATABASE_APP_ROLE: "none" })).toMatchObject({ TRUSTED_PROXY_HOPS: 1, DATABASE_APP_ROLE: "none" });
    expect(messageOf({ AUTH_SECRET: SECRET, TRUSTED_PROXY_HOPS: "yes" })).toMatch(/TRUSTED_PROXY_HOPS/);
    expect(messageOf({ AUTH_SECRET: SECRET, DATABASE_APP_ROLE: "x; DROP" })).toMatch(/DATABASE_APP_ROLE/);
  });
});
