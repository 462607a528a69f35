import { describe, expect, it } from "vitest";
import { hasSignedInHint } from "@/lib/auth/signed-in-hint";
import { siteSettingsFrom } from "@/lib/site-settings.mjs";

describe("the settings public pages are prerendered with (lib/site-settings.mjs)", () => {
  it("follow lib/env.ts's rules: the payer's default name, a demo only in production with DEV_MAILBOX and DEMO_MODE", () => {
    expect(siteSettingsFrom({})).toEqual({ payerName: "HealthPartners", demoMode: false });
    expect(siteSettingsFrom({ PAYER_NAME: "  Acme Health " })).toEqual({ payerName: "Acme Health", demoMode: false });
    expect(siteSettingsFrom({ NODE_ENV: "production", DEV_MAILBOX: "true", DEMO_MODE: "true" }).demoMode).toBe(true);
    expect(siteSettingsFrom({ NODE_ENV: "production", DEV_MAILBOX: "1", DEMO_MODE: "yes" }).demoMode).toBe(true);
    expect(siteSettingsFrom({ NODE_ENV: "production", DEMO_MODE: "true" }).demoMode).toBe(false);
    expect(siteSettingsFrom({ NODE_ENV: "production", DEV_MAILBOX: "false", DEMO_MODE: "true" }).demoMode).toBe(false);
    expect(siteSettingsFrom({ NODE_ENV: "development", DEV_MAILBOX: "true", DEMO_MODE: "true" }).demoMode).toBe(false);
  });
});

describe("the signed-in hint cookie", () => {
  it("is read only when set to 1", () => {
    expect(hasSignedInHint("a=b; portal_signed_in=1")).toBe(true);
    expect(hasSignedInHint("portal_signed_in=1")).toBe(true);
    expect(hasSignedInHint("portal_signed_in=")).toBe(false);
    expect(hasSignedInHint("xportal_signed_in=1")).toBe(false);
    expect(hasSignedInHint("")).toBe(false);
  });
});
