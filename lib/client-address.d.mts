export function parseTrustedProxyHops(value: string | undefined): number;
export function normalizeAddress(value: string | undefined | null): string | null;
export function clientAddressFrom(socketAddress: string | undefined | null, forwardedFor: string | string[] | undefined | null, hops: number): string | null;
