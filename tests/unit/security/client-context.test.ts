import { describe, expect, it } from "vitest";
import { clientAddressFrom, normalizeAddress, parseTrustedProxyHops } from "@/lib/client-address.mjs";
import { contextFromHeaders } from "@/lib/client-context";

describe("the client's address (TRUSTED_PROXY_HOPS)", () => {
  it("is the connection's own address with no trusted proxy, whatever the client sends", () => {
    expect(clientAddressFrom("203.0.113.7", "198.51.100.1", 0)).toBe("203.0.113.7");
    expect(clientAddressFrom("::ffff:203.0.113.7", "1.1.1.1, 2.2.2.2", 0)).toBe("203.0.113.7");
    expect(clientAddressFrom("::1", undefined, 0)).toBe("::1");
  });

  it("behind one reverse proxy, is the entry that proxy appended (the right-most)", () => {
    // The client forged "6.6.6.6"; the proxy (10.0.0.2) appended the address it saw.
    expect(clientAddressFrom("10.0.0.2", "6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddressFrom("10.0.0.2", ["6.6.6.6", "203.0.113.7:51234"], 1)).toBe("203.0.113.7");
  });

  it("behind two proxies, is the second entry from the right", () => {
    expect(clientAddressFrom("10.0.0.3", "6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
  });

  it("falls back to the nearest trusted address when the chain is short or an entry is not an address", () => {
    expect(clientAddressFrom("203.0.113.7", undefined, 1)).toBe("203.0.113.7");
    expect(clientAddressFrom("10.0.0.2", "<script>", 1)).toBe("10.0.0.2");
    expect(clientAddressFrom("10.0.0.3", "203.0.113.7", 2)).toBe("203.0.113.7");
  });

  it("parses the setting strictly (default 0)", () => {
    expect(parseTrustedProxyHops(undefined)).toBe(0);
    expect(parseTrustedProxyHops(" ")).toBe(0);
    expect(parseTrustedProxyHops("1")).toBe(1);
    expect(() => parseTrustedProxyHops("one")).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseTrustedProxyHops("-1")).toThrow(/TRUSTED_PROXY_HOPS/);
  });

  it("normalizes addresses and refuses anything else", () => {
    expect(normalizeAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("192.0.2.1:8080")).toBe("192.0.2.1");
    expect(normalizeAddress("evil.example")).toBeNull();
  });
});

describe("the request context", () => {
  it("takes the address server.mjs wrote and never X-Real-IP", () => {
    expect(contextFromHeaders(new Headers({ "x-forwarded-for": "203.0.113.7" })).clientAddress).toBe("203.0.113.7");
    expect(contextFromHeaders(new Headers({ "x-real-ip": "6.6.6.6" })).clientAddress).toBeNull();
    expect(contextFromHeaders(new Headers({ "x-forwarded-for": "<b>hi</b>" })).clientAddress).toBeNull();
  });

  it("ignores a client's own request id unless it has the shape of a server-made one", () => {
    const forged = contextFromHeaders(new Headers({ "x-request-id": "<script>alert(1)</script>" }));
    expect(forged.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const serverMade = crypto.randomUUID();
    expect(contextFromHeaders(new Headers({ "x-request-id": serverMade })).requestId).toBe(serverMade);
  });
});
