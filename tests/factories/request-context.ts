import { randomInt, randomUUID } from "node:crypto";
import type { RequestContext } from "@/lib/client-context";

/** A client address of its own for each context, so per-address rate limits don't leak between tests. */
export function randomClientAddress(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

export function buildRequestContext(overrides: Partial<RequestContext> = {}): RequestContext {
  return {
    clientAddress: randomClientAddress(),
    userAgent: "vitest (integration tests)",
    requestId: randomUUID(),
    ...overrides,
  };
}
