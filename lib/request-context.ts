import "server-only";
import { headers } from "next/headers";
import { contextFromHeaders, type RequestContext } from "./client-context";

export type { RequestContext };

export async function requestContext(): Promise<RequestContext> {
  return contextFromHeaders(await headers());
}
