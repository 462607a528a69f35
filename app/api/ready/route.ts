import { checkReadiness } from "@/lib/health/readiness";

/**
 * Readiness: 200 when the database answers and every migration of this build has been applied,
 * 503 with the reason otherwise (a load balancer then sends no traffic here). No session needed
 * (proxy.ts skips this route); never cached.
 */
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const readiness = await checkReadiness();
  const body = readiness.ready ? { status: "ready", migrations: readiness.migrations } : { status: "unavailable", reason: readiness.reason };
  return Response.json(body, { status: readiness.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
