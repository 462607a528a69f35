import type { ServerResponse } from "node:http";
export function nonceFromPolicy(policy: unknown): string | null;
export function createNonceStamper(nonce: string): { push(chunk: string | Uint8Array): string; flush(): string };
export function stampPrerenderedNonces(response: ServerResponse): ServerResponse;
