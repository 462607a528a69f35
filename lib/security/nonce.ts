import "server-only";
import { headers } from "next/headers";

/**
 * This request's CSP nonce, set by proxy.ts. Next puts it on its own scripts by itself; give it
 * to any <Script> or inline <script> you add (`<Script nonce={await cspNonce()} …>`).
 */
export async function cspNonce(): Promise<string | undefined> {
  return (await headers()).get("x-nonce") ?? undefined;
}
