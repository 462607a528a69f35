// What the public pages are prerendered with, worked out from the environment with the same
// rules as lib/env.ts (PAYER_NAME's default; a demo site is production + DEV_MAILBOX + DEMO_MODE).
// Plain JavaScript because next.config.mjs reads it when the portal is built.

const TRUE = new Set(["true", "1", "yes", "on"]);

/**
 * @param {Record<string, string | undefined>} source
 * @returns {{ payerName: string; demoMode: boolean }}
 */
export function siteSettingsFrom(source) {
  const payerName = (source.PAYER_NAME ?? "").trim() || "HealthPartners";
  const production = source.NODE_ENV === "production";
  const devMailboxSetting = source.DEV_MAILBOX?.trim().toLowerCase();
  const devMailbox = devMailboxSetting ? TRUE.has(devMailboxSetting) : !production && !source.RESEND_API_KEY?.trim();
  const demoMode = production && devMailbox && TRUE.has((source.DEMO_MODE ?? "").trim().toLowerCase());
  return { payerName, demoMode };
}
