import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/** An email the fake accepted: what a recipient would receive, once per idempotency key. */
export interface FakeDelivery {
  id: string;
  idempotencyKey: string | null;
  body: unknown;
}

export interface FakeResend {
  /** Set RESEND_BASE_URL to this before constructing the Resend client. */
  baseUrl: string;
  requests: RecordedRequest[];
  /**
   * Every email accepted, as Resend delivers them: a request repeating an idempotency key already
   * accepted gets the first answer again and delivers nothing (Resend keeps keys for 24 hours).
   */
  deliveries: FakeDelivery[];
  /** "healthy" answers 200 {"id": ...}; "failing" answers 500 with Resend's error shape. */
  setMode(mode: "healthy" | "failing"): void;
  /**
   * Accepts (and delivers) as usual but answers only after this many milliseconds: a client that
   * gives up first has lost the reply of a send that happened. 0 (the default) answers at once.
   */
  setReplyDelay(ms: number): void;
  close(): Promise<void>;
}

/**
 * A stand-in for Resend's HTTP API on 127.0.0.1: records every request and answers as the
 * real API does (POST /emails -> 200 {"id"}; errors as {statusCode, name, message}; a repeated
 * Idempotency-Key -> the first answer, nothing sent again).
 */
export async function startFakeResend(): Promise<FakeResend> {
  const requests: RecordedRequest[] = [];
  const deliveries: FakeDelivery[] = [];
  const answered = new Map<string, string>();
  let mode: "healthy" | "failing" = "healthy";
  let replyDelayMs = 0;
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
      const header = request.headers["idempotency-key"];
      const idempotencyKey = typeof header === "string" ? header : null;
      let id = idempotencyKey ? answered.get(idempotencyKey) : undefined;
      if (!id) {
        sequence += 1;
        id = `fake-message-${sequence}`;
        if (idempotencyKey) answered.set(idempotencyKey, id);
        deliveries.push({ id, idempotencyKey, body });
      }
      const reply = JSON.stringify({ id });
      const answer = () => {
        if (response.destroyed) return;
        response.statusCode = 200;
        response.end(reply);
      };
      if (replyDelayMs > 0) setTimeout(answer, replyDelayMs).unref();
      else answer();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    deliveries,
    setMode(next) {
      mode = next;
    },
    setReplyDelay(ms) {
      replyDelayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
