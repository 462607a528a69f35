import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
export const PORTAL_SERVER: unique symbol;
export function trustForwardedHeaders(request: IncomingMessage, hops: number): void;
export function portalRequestListener(
  handle: (request: IncomingMessage, response: ServerResponse) => unknown,
  hops: number,
  options?: { compress?: boolean; logger?: Logger | null },
): (request: IncomingMessage, response: ServerResponse) => unknown;
