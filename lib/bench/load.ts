import http from "node:http";
import { performance } from "node:perf_hooks";
import type { PageRun } from "./stats";

export interface LoadTarget {
  url: string;
  headers: Record<string, string>;
  /** Every response must be 200 and contain each of these. */
  markers: readonly string[];
}

export interface Response {
  status: number;
  location: string | null;
  body: Buffer;
}

/** One GET on the given agent, the whole body read (as a browser would). */
export function get(agent: http.Agent, target: Pick<LoadTarget, "url" | "headers">): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = http.get(target.url, { agent, headers: target.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

/** Why a response is not the expected page, or null when it is. */
export function refusal(response: Response, markers: readonly Buffer[]): string | null {
  if (response.status !== 200) return response.location ? `${response.status} to ${response.location}` : String(response.status);
  const missing = markers.find((marker) => !response.body.includes(marker));
  return missing ? `marker missing: ${missing.toString()}` : null;
}

/**
 * Keeps `connections` requests in flight (one keep-alive connection each) for `warmupSeconds`
 * unmeasured, then for `seconds` measured; the measured time ends when the last request does.
 * Responses are checked as they come (gzip bodies are checked for their status only).
 */
export async function loadPage(target: LoadTarget, options: { connections: number; seconds: number; warmupSeconds: number }): Promise<PageRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const markers = target.headers["accept-encoding"] ? [] : target.markers.map((marker) => Buffer.from(marker));
  const run: PageRun = { latenciesMs: [], seconds: 0, errors: {} };
  const fail = (reason: string) => {
    run.errors[reason] = (run.errors[reason] ?? 0) + 1;
  };

  async function worker(until: number, measured: boolean): Promise<void> {
    while (performance.now() < until) {
      const started = performance.now();
      try {
        const reason = refusal(await get(agent, target), markers);
        if (!measured) continue;
        if (reason) fail(reason);
        else run.latenciesMs.push(performance.now() - started);
      } catch (error) {
        if (measured) fail((error as NodeJS.ErrnoException).code ?? (error as Error).message);
      }
    }
  }

  try {
    const workers = (until: number, measured: boolean) => Promise.all(Array.from({ length: options.connections }, () => worker(until, measured)));
    if (options.warmupSeconds > 0) await workers(performance.now() + options.warmupSeconds * 1000, false);
    const started = performance.now();
    await workers(started + options.seconds * 1000, true);
    run.seconds = (performance.now() - started) / 1000;
  } finally {
    agent.destroy();
  }
  return run;
}
