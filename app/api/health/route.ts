/**
 * Liveness: the process is up and answers HTTP. Touches neither the database nor the session
 * (proxy.ts skips this route), so a database outage never makes an orchestrator restart the portal.
 */
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
