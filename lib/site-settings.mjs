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

/** @param {{ payerName: string; demoMode: boolean }} site */
function describeSite(site) {
  return `${JSON.stringify(site.payerName)} (${site.demoMode ? "a demo site" : "not a demo site"})`;
}

/**
 * Why a build cannot serve a start's settings, or null when they agree: the public pages are
 * prerendered with the payer's name and the demo banner (lib/site.ts).
 * @param {{ payerName: string; demoMode: boolean }} built
 * @param {{ payerName: string; demoMode: boolean }} configured
 * @returns {string | null}
 */
export function siteMismatch(built, configured) {
  if (built.payerName === configured.payerName && built.demoMode === configured.demoMode) return null;
  return `This build was made for ${describeSite(built)}, but the server is set up for ${describeSite(configured)}. The public pages are prerendered with the payer's name and the demo banner when the portal is built: run the build with the same PAYER_NAME, DEV_MAILBOX and DEMO_MODE as \`npm start\` (\`npm run build\`, or \`npm run build:demo\` for a demo site).`;
}
