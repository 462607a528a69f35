import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { envErrorOf as errorOf } from "../support/env-error";

const SECRET = "x".repeat(32);


describe("parseEnv", () => {
  it("applies the documented defaults", () => {
    const env = parseEnv({ AUTH_SECRET: SECRET });
    expect(env).toMatchObject({
      NODE_ENV: "development",
      PGLITE_DATA_DIR: ".data/pglite",
      APP_URL: "http://localhost:3000",
      PAYER_NAME: "HealthPartners",
      EMAIL_FROM: "HealthPartners Provider Portal <no-reply@provider-portal.example>",
      OUTBOX_POLL_SECONDS: 5,
      RELEASE_JOB_SECONDS: 300,
      ACCESS_REQUEST_JOB_SECONDS: 900,
      devMailbox: true,
      emailTransport: "dev-mailbox",
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("takes the embedded database's cache size in MB or GB, and names PGLITE_SHARED_BUFFERS when it is not one", () => {
    expect(parseEnv({ AUTH_SECRET: SECRET }).PGLITE_SHARED_BUFFERS).toBeUndefined();
    expect(parseEnv({ AUTH_SECRET: SECRET, PGLITE_SHARED_BUFFERS: "1GB" }).PGLITE_SHARED_BUFFERS).toBe("1GB");
    expect(parseEnv({ AUTH_SECRET: SECRET, PGLITE_SHARED_BUFFERS: "256MB" }).PGLITE_SHARED_BUFFERS).toBe("256MB");
    expect(parseEnv({ AUTH_SECRET: SECRET, PGLITE_SHARED_BUFFERS: "1900MB" }).PGLITE_SHARED_BUFFERS).toBe("1900MB");
    for (const size of ["lots", "512", "0MB", "2 GB", "1TB"]) {
      expect(errorOf({ AUTH_SECRET: SECRET, PGLITE_SHARED_BUFFERS: size }).message).toMatch(/PGLITE_SHARED_BUFFERS must be a size in MB or GB, such as 256MB or 1GB/);
    }
    // PGlite fails to start from about 2000MB (2 GB of memory in all): said before it is tried.
    for (const size of ["1901MB", "2GB"]) {
      expect(errorOf({ AUTH_SECRET: SECRET, PGLITE_SHARED_BUFFERS: size }).message).toMatch(/PGLITE_SHARED_BUFFERS must be at most 1900MB/);
    }
  });

  it("names AUTH_SECRET when it is missing or short", () => {
    expect(errorOf({}).message).toMatch(/AUTH_SECRET is required/);
    expect(errorOf({ AUTH_SECRET: "" }).message).toMatch(/AUTH_SECRET is required/);
    expect(errorOf({ AUTH_SECRET: "short" }).message).toMatch(/AUTH_SECRET must be at least 32 characters/);
  });

  it("in production, needs RESEND_API_KEY unless DEV_MAILBOX is set", () => {
    const error = errorOf({ NODE_ENV: "production", AUTH_SECRET: SECRET });
    expect(error.message).toMatch(/RESEND_API_KEY is required in production/);
    expect(errorOf({ NODE_ENV: "production", AUTH_SECRET: SECRET, DEV_MAILBOX: "false" }).message).toMatch(/RESEND_API_KEY/);

    const demo = parseEnv({ NODE_ENV: "production", AUTH_SECRET: SECRET, DEV_MAILBOX: "true", DEMO_MODE: "true" });
    expect(demo.emailTransport).toBe("dev-mailbox");
    const real = parseEnv({ NODE_ENV: "production", AUTH_SECRET: SECRET, RESEND_API_KEY: "re_live_key" });
    expect(real.emailTransport).toBe("resend");
    expect(real.devMailbox).toBe(false);
  });

  it("in development, uses Resend only when a key is given and DEV_MAILBOX doesn't say otherwise", () => {
    expect(parseEnv({ AUTH_SECRET: SECRET, RESEND_API_KEY: "re_key" }).emailTransport).toBe("resend");
    expect(parseEnv({ AUTH_SECRET: SECRET, RESEND_API_KEY: "re_key", DEV_MAILBOX: "yes" }).emailTransport).toBe("dev-mailbox");
  });

  it("treats empty strings as unset and trims a trailing slash from APP_URL", () => {
    const env = parseEnv({ AUTH_SECRET: SECRET, PAYER_NAME: "", APP_URL: "https://portal.example.org//", DATABASE_URL: "" });
    expect(env.PAYER_NAME).toBe("HealthPartners");
    expect(env.APP_URL).toBe("https://portal.example.org");
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("names each bad variable", () => {
    const error = errorOf({ AUTH_SECRET: SECRET, DATABASE_URL: "mysql://db/portal", DEV_MAILBOX: "maybe", OUTBOX_POLL_SECONDS: "0", RELEASE_JOB_SECONDS: "0.5", APP_URL: "not a url" });
    expect(error.name).toBe("EnvError");
    expect(error.message).toMatch(/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(error.message).toMatch(/DEV_MAILBOX must be true or false/);
    expect(error.message).toMatch(/OUTBOX_POLL_SECONDS/);
    expect(error.message).toMatch(/RELEASE_JOB_SECONDS/);
    expect(error.message).toMatch(/APP_URL must be an absolute URL/);
    expect(error.message).toMatch(/See \.env\.example/);
  });

  it("accepts postgres:// and postgresql:// URLs and coerces numbers", () => {
    expect(parseEnv({ AUTH_SECRET: SECRET, DATABASE_URL: "postgres://u@127.0.0.1:5432/portal" }).DATABASE_URL).toBe("postgres://u@127.0.0.1:5432/portal");
    expect(parseEnv({ AUTH_SECRET: SECRET, DATABASE_URL: "postgresql://u@db/portal", OUTBOX_POLL_SECONDS: "30" }).OUTBOX_POLL_SECONDS).toBe(30);
  });

  it("outside production, without APP_URL, points links at the port the server listens on", () => {
    // `PORT=3201 npm run dev` (next dev also sets PORT when it takes -p or the next free port).
    expect(parseEnv({ AUTH_SECRET: SECRET, PORT: "3201" }).APP_URL).toBe("http://localhost:3201");
    expect(parseEnv({ AUTH_SECRET: SECRET, NODE_ENV: "test", PORT: "4100" }).APP_URL).toBe("http://localhost:4100");
    expect(parseEnv({ AUTH_SECRET: SECRET }).APP_URL).toBe("http://localhost:3000");
    // APP_URL, when set, wins.
    expect(parseEnv({ AUTH_SECRET: SECRET, PORT: "3201", APP_URL: "http://127.0.0.1:3300/" }).APP_URL).toBe("http://127.0.0.1:3300");
  });

  it("in production, never derives APP_URL from the port", () => {
    const production = { NODE_ENV: "production", AUTH_SECRET: SECRET, RESEND_API_KEY: "re_live_key", PORT: "8080" };
    expect(parseEnv(production).APP_URL).toBe("http://localhost:3000");
    expect(parseEnv({ ...production, APP_URL: "https://portal.example.org" }).APP_URL).toBe("https://portal.example.org");
  });

  it("names a PORT that is not a port number", () => {
    for (const port of ["abc", "0", "70000", "30.5"]) {
      expect(errorOf({ AUTH_SECRET: SECRET, PORT: port }).message, port).toMatch(/PORT must be a port number/);
    }
  });
});
