import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface FakeResend {
  /** Set RESEND_BASE_URL to this before constructing the Resend client. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** "healthy" answers 200 {"id": ...}; "failing" answers 500 with Resend's error shape. */
  setMode(mode: "healthy" | "failing"): void;
  close(): Promise<void>;
}

/**
 * A stand-in for Resend's HTTP API on 127.0.0.1: records every request and answers as the
 * real API does (POST /emails -> 200 {"id"}; errors as {statusCode, name, message}).
 */
export async function startFakeResend(): Promise<FakeResend> {
  const requests: RecordedRequest[] = [];
  let mode: "healthy" | "failing" = "healthy";
  let sequence = 0;

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown = raw;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        // keep the raw text: a test will see it was not JSON
      }
      requests.push({ method: request.method ?? "", path: request.url ?? "", headers: request.headers, body });
      response.setHeader("content-type", "application/json");
      if (mode === "failing") {
        response.statusCode = 500;
        response.end(JSON.stringify({ statusCode: 500, name: "internal_server_error", message: "The fake is failing on purpose." }));
        return;
      }
      if (request.method !== "POST" || request.url !== "/emails") {
        response.statusCode = 404;
        response.end(JSON.stringify({ statusCode: 404, name: "not_found", message: "Only POST /emails is faked." }));
        return;
      }
      sequence += 1;
      response.statusCode = 200;
      response.end(JSON.stringify({ id: `fake-message-${sequence}` }));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    setMode(next) {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
