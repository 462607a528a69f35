import { describe, expect, it } from "vitest";
import { BENCH_DELEGATE, benchRecords, npiWithCheckDigit } from "@/lib/bench/bench-records";
import { BENCH_PAGES, benchSchedule, selectBenchPages } from "@/lib/bench/pages";
import { refusal } from "@/lib/bench/load";
import { listeningInodes, parentPidFromStat, rssFromStatus } from "@/lib/bench/server-memory";
import { demoNpis, demoTaxIds } from "@/db/seed/demo-records";
import { NpiSchema, TaxIdSchema } from "@/lib/validation";

describe("bench:pages pages and schedule", () => {
  it("measures every page by default and adds the anchor a chosen page is compared with", () => {
    expect(selectBenchPages(null).map((page) => page.key)).toEqual(["anchor-prerendered", "home", "register", "signin", "anchor-signed-in", "access"]);
    expect(selectBenchPages(["access"]).map((page) => page.key)).toEqual(["anchor-signed-in", "access"]);
    expect(() => selectBenchPages(["nope"])).toThrow("Unknown page(s): nope.");
  });

  it("compares the public pages with the prerendered anchor (goal 0.8) and /access with the signed-in one (0.6)", () => {
    const goals = Object.fromEntries(BENCH_PAGES.filter((page) => page.comparedWith).map((page) => [page.path, page.comparedWith]));
    expect(goals).toEqual({
      "/": { anchor: "anchor-prerendered", goal: 0.8 },
      "/register/provider/check": { anchor: "anchor-prerendered", goal: 0.8 },
      "/signin": { anchor: "anchor-prerendered", goal: 0.8 },
      "/access": { anchor: "anchor-signed-in", goal: 0.6 },
    });
  });

  it("reverses the order every other round, so anchors and pages interleave", () => {
    expect(benchSchedule(["a", "b", "c"], 3)).toEqual([
      { round: 1, page: "a" },
      { round: 1, page: "b" },
      { round: 1, page: "c" },
      { round: 2, page: "c" },
      { round: 2, page: "b" },
      { round: 2, page: "a" },
      { round: 3, page: "a" },
      { round: 3, page: "b" },
      { round: 3, page: "c" },
    ]);
  });

  it("accepts only a 200 with every marker", () => {
    const markers = [Buffer.from("Benchmark anchor"), Buffer.from("</table>")];
    expect(refusal({ status: 200, location: null, body: Buffer.from("<h1>Benchmark anchor</h1><table></table>") }, markers)).toBeNull();
    expect(refusal({ status: 200, location: null, body: Buffer.from("<h1>Benchmark anchor</h1>") }, markers)).toBe("marker missing: </table>");
    expect(refusal({ status: 307, location: "/signin?callbackUrl=%2Faccess", body: Buffer.alloc(0) }, markers)).toBe("307 to /signin?callbackUrl=%2Faccess");
    expect(refusal({ status: 404, location: null, body: Buffer.alloc(0) }, markers)).toBe("404");
  });
});

describe("the bench delegate's records", () => {
  const records = benchRecords(new Date("2026-03-01T12:00:00Z"));

  it("has 50 valid Tax IDs of 3 valid NPIs each and a check for each, none of them the demo data's", () => {
    expect(records.taxIds).toHaveLength(50);
    expect(records.npis).toHaveLength(150);
    expect(records.checks).toHaveLength(50);
    for (const { taxId } of records.taxIds) expect(TaxIdSchema.safeParse(taxId).success).toBe(true);
    for (const { npi, taxIds } of records.npis) {
      expect(NpiSchema.safeParse(npi).success).toBe(true);
      expect(taxIds).toHaveLength(1);
    }
    expect(new Set(records.npis.map((npi) => npi.npi)).size).toBe(150);
    const demoIds = new Set<string>([...demoTaxIds.map((row) => row.taxId), ...demoNpis.map((row) => row.npi)]);
    expect([...records.taxIds.map((row) => row.taxId), ...records.npis.map((row) => row.npi)].filter((id) => demoIds.has(id))).toEqual([]);
    expect(records.checks[0]).toMatchObject({ checkNumber: "97550001", taxId: "275550001", issuedOn: "2026-01-30" });
    expect(BENCH_DELEGATE.email).toBe("bench.delegate@bench.example");
  });

  it("computes NPI check digits (the CMS example 1234567893)", () => {
    expect(npiWithCheckDigit("123456789")).toBe("1234567893");
    expect(() => npiWithCheckDigit("12345")).toThrow("9 digits");
  });

  it("makes /access's markers from the last Tax ID and NPI", () => {
    const access = BENCH_PAGES.find((page) => page.key === "access")!;
    expect(access.markers).toEqual(["Your Tax IDs and NPIs", "27-5550050", records.npis.at(-1)!.npi]);
  });
});

describe("the server's memory from /proc", () => {
  it("finds the sockets listening on a port in /proc/net/tcp", () => {
    const text = [
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
      "   0: 0100007F:0E74 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 123456 1 0000000000000000 100 0 0 10 0",
      "   1: 0100007F:0E74 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000  1000        0 123457 1 0000000000000000 20 4 30 10 -1",
      "   2: 00000000:1538 00000000:0000 0A 00000000:00000000 00:00000000 00000000   106        0 22222 1 0000000000000000 100 0 0 10 0",
    ].join("\n");
    expect(listeningInodes(text, 3700)).toEqual(["123456"]);
    expect(listeningInodes(text, 5432)).toEqual(["22222"]);
    expect(listeningInodes(text, 3000)).toEqual([]);
  });

  it("reads a parent pid even when the command name has spaces and parentheses", () => {
    expect(parentPidFromStat("4242 (next-server (v16)) S 4200 4242 4200 0 -1 4194560")).toBe(4200);
  });

  it("reads VmRSS in kB", () => {
    expect(rssFromStatus("Name:\tnode\nVmPeak:\t 900000 kB\nVmRSS:\t  545792 kB\nRssAnon:\t 400000 kB\n")).toBe(545792);
    expect(rssFromStatus("Name:\tkthreadd\n")).toBeNull();
  });
});
