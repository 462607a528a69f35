export function siteSettingsFrom(source: Record<string, string | undefined>): { payerName: string; demoMode: boolean };
