import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { gracefulShutdown } from "@/lib/graceful-shutdown.mjs";
import { createLogger } from "@/lib/log.mjs";

let server: http.Server | undefined;

afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

/** A server whose /slow answers only when `release()` is called, with the shutdown watching it. */
async function slowServer(options: { stopWork?: () => Promise<unknown>; timeoutMs?: number; order?: string[] } = {}) {
  const lines: string[] = [];
  const logger = createLogger({ format: "json", level: "info", destination: { write: (line: string) => lines.push(line) } });
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  server = http.createServer((request, response) => {
    if (request.url === "/slow") void released.then(() => response.end("finished", () => options.order?.push("slow response sent")));
    else response.end("fast");
  });
  const exits: number[] = [];
  let exited: (code: number) => void = () => {};
  const exitedOnce = new Promise<number>((resolve) => (exited = resolve));
  const shutdown = gracefulShutdown({
    server,
    logger,
    stopWork: options.stopWork,
    timeoutMs: options.timeoutMs ?? 5000,
    exit: (code) => {
      exits.push(code);
      exited(code);
    },
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, shutdown, release, exits, exitedOnce, messages: () => lines.map((line) => (JSON.parse(line) as { msg: string }).msg) };
}

describe("graceful shutdown (lib/graceful-shutdown.mjs)", () => {
  it("stops accepting, finishes the request in flight, then stops the work, and exits 0", async () => {
    const order: string[] = [];
    const { url, shutdown, release, exitedOnce, messages } = await slowServer({
      order,
      stopWork: async () => {
        order.push("work stopped");
      },
    });
    const slow = fetch(`${url}/slow`).then((response) => response.text());
    await expect.poll(() => shutdown.inFlight()).toBe(1);

    void shutdown.stop("SIGTERM");
    await expect(fetch(`${url}/fast`)).rejects.toThrow();
    expect(order).toEqual([]);

    release();
    expect(await slow).toBe("finished");
    expect(await exitedOnce).toBe(0);
    expect(order).toEqual(["slow response sent", "work stopped"]);
    expect(messages()).toEqual([
      "stopping: no new connections; finishing the requests in flight",
      "requests finished; the server is closed",
      "stopped",
    ]);
  });

  it("gives up after the timeout with exit 1 when something hangs", async () => {
    const { shutdown, exitedOnce, messages } = await slowServer({ stopWork: () => new Promise(() => {}), timeoutMs: 200 });
    void shutdown.stop("SIGTERM");
    expect(await exitedOnce).toBe(1);
    expect(messages()).toContain("shutdown did not finish in time: exiting without finishing");
  });

  it("takes a repeated signal (a second Ctrl-C, a supervisor repeating itself) as the same stop", async () => {
    const { url, shutdown, release, exits, exitedOnce, messages } = await slowServer();
    const slow = fetch(`${url}/slow`).then((response) => response.text());
    await expect.poll(() => shutdown.inFlight()).toBe(1);
    void shutdown.stop("SIGINT");
    void shutdown.stop("SIGINT");
    expect(exits).toEqual([]);
    release();
    expect(await slow).toBe("finished");
    expect(await exitedOnce).toBe(0);
    expect(exits).toEqual([0]);
    expect(messages()).toContain("already stopping");
  });
});
