import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { portalRequestListener } from "@/server.mjs";

let server: http.Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** server.mjs's listener in front of a stand-in for Next that answers with the headers it was given. */
async function headersSeenByNext(hops: number, sent: Record<string, string>): Promise<Record<string, string | string[] | undefined>> {
  server = http.createServer(
    portalRequestListener((request, response) => {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(request.headers));
    }, hops),
  );
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/signin`, { headers: sent });
  return (await response.json()) as Record<string, string | string[] | undefined>;
}

describe("server.mjs (npm start) in front of Next", () => {
  it("with no trusted proxy, overwrites a forged X-Forwarded-For with the connection's address and drops X-Real-IP and X-Forwarded-Host", async () => {
    const seen = await headersSeenByNext(0, {
      "x-forwarded-for": "6.6.6.6",
      "x-real-ip": "6.6.6.6",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      "x-request-id": "<script>",
    });
    expect(seen["x-forwarded-for"]).toBe("127.0.0.1");
    expect(seen["x-real-ip"]).toBeUndefined();
    expect(seen["x-forwarded-host"]).toBeUndefined();
    expect(seen["x-forwarded-proto"]).toBeUndefined();
    expect(seen["x-request-id"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("behind one proxy, keeps only the address that proxy appended", async () => {
    const seen = await headersSeenByNext(1, { "x-forwarded-for": "6.6.6.6, 203.0.113.7", "x-forwarded-proto": "https" });
    expect(seen["x-forwarded-for"]).toBe("203.0.113.7");
    expect(seen["x-forwarded-proto"]).toBe("https");
  });

  it("sets the connection's address when a request comes without the header", async () => {
    expect((await headersSeenByNext(0, {}))["x-forwarded-for"]).toBe("127.0.0.1");
  });
});
