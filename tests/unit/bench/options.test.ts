import { describe, expect, it } from "vitest";
import { BenchUsageError, parseBenchOptions } from "@/lib/bench/options";

describe("bench:pages options", () => {
  it("defaults to measuring http://127.0.0.1:3000 with 10 connections, 3 + 10 s per page, 2 rounds", () => {
    expect(parseBenchOptions([], {})).toEqual({
      mode: "measure",
      url: "http://127.0.0.1:3000",
      seconds: 10,
      warmupSeconds: 3,
      connections: 10,
      rounds: 2,
      pages: null,
      serverPid: null,
      sessionFile: ".data/bench-session.json",
      gzip: false,
      help: false,
    });
  });

  it("reads the environment, and flags (either form) win over it", () => {
    const env = { BENCH_URL: "http://127.0.0.1:3700/", BENCH_SECONDS: "5", BENCH_WARMUP: "0", BENCH_CONNECTIONS: "4", BENCH_ROUNDS: "1", BENCH_SERVER_PID: "4242" };
    expect(parseBenchOptions([], env)).toMatchObject({ url: "http://127.0.0.1:3700", seconds: 5, warmupSeconds: 0, connections: 4, rounds: 1, serverPid: 4242 });
    expect(parseBenchOptions(["--seconds=2", "--connections", "20", "--pages", "home, access", "--gzip", "--session-file", "/tmp/s.json"], env)).toMatchObject({
      seconds: 2,
      connections: 20,
      pages: ["home", "access"],
      gzip: true,
      sessionFile: "/tmp/s.json",
    });
  });

  it("knows --prepare and --help", () => {
    expect(parseBenchOptions(["--prepare"]).mode).toBe("prepare");
    expect(parseBenchOptions(["--help"]).help).toBe(true);
  });

  it.each([
    [["--bogus"], "Unknown option --bogus."],
    [["home"], 'Unexpected argument "home".'],
    [["--seconds"], "--seconds needs a value."],
    [["--seconds", "--gzip"], "--seconds needs a value."],
    [["--seconds", "0"], "--seconds must be a number of at least 1"],
    [["--connections", "2.5"], "--connections must be a whole number of at least 1"],
    [["--gzip=yes"], "--gzip takes no value."],
    [["--url", "not a url"], "The server's URL is not a URL"],
    [["--url", "https://portal.example"], "Only http:// servers can be measured"],
  ])("refuses %j", (argv, message) => {
    expect(() => parseBenchOptions(argv, {})).toThrow(BenchUsageError);
    expect(() => parseBenchOptions(argv, {})).toThrow(message);
  });

  it("refuses a bad value from the environment too", () => {
    expect(() => parseBenchOptions([], { BENCH_ROUNDS: "two" })).toThrow("--rounds must be a whole number");
  });
});
