import { siteSettingsFrom } from "./site-settings.mjs";

export interface SiteSettings {
  payerName: string;
  /** A production demo (DEV_MAILBOX with DEMO_MODE): every page carries the demo banner. */
  demoMode: boolean;
}

/**
 * The payer's name and demo mode the portal was BUILT with: the public pages are prerendered
 * with them at `next build` (next.config.mjs writes them into the build as PORTAL_BUILD_*), so
 * they cost what a static file costs. The server refuses to start when its own PAYER_NAME,
 * DEV_MAILBOX or DEMO_MODE say otherwise (lib/start-server.ts). Outside a build (tests,
 * scripts) they come from the environment with the same rules.
 */
export function builtSite(): SiteSettings {
  const payerName = process.env.PORTAL_BUILD_PAYER_NAME;
  const demoMode = process.env.PORTAL_BUILD_DEMO_MODE;
  if (payerName && demoMode) return { payerName, demoMode: demoMode === "true" };
  return siteSettingsFrom(process.env);
}
