export function siteSettingsFrom(source: Record<string, string | undefined>): { payerName: string; demoMode: boolean };
export function siteMismatch(built: { payerName: string; demoMode: boolean }, configured: { payerName: string; demoMode: boolean }): string | null;
