import { describe, expect, it } from "vitest";
import { formatMegabytes, formatNumber, formatTable, medianOf, percentile, summarizeRuns, throughputRatio } from "@/lib/bench/stats";

describe("bench:pages figures", () => {
  it("takes nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3], 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });

  it("takes the median of values in any order, without reordering them", () => {
    const values = [1.3, 0.9, 1.1];
    expect(medianOf(values)).toBe(1.1);
    expect(values).toEqual([1.3, 0.9, 1.1]);
    expect(medianOf([4, 1, 3, 2])).toBe(3);
    expect(medianOf([])).toBeNaN();
  });

  it("sums rounds: all good responses over all measured seconds, errors counted apart", () => {
    const summary = summarizeRuns([
      { latenciesMs: [30, 10, 20], seconds: 1, errors: {} },
      { latenciesMs: [40, 50, 60, 70, 80, 90], seconds: 2, errors: { "302 to /signin": 2, ECONNRESET: 1 } },
    ]);
    expect(summary).toEqual({ requests: 9, errors: 3, requestsPerSecond: 3, p50Ms: 50, p99Ms: 90 });
    expect(summarizeRuns([])).toMatchObject({ requests: 0, requestsPerSecond: 0 });
  });

  it("gives a page's requests/s as a share of its anchor's", () => {
    const anchor = summarizeRuns([{ latenciesMs: Array(500).fill(1), seconds: 1, errors: {} }]);
    const page = summarizeRuns([{ latenciesMs: Array(400).fill(2), seconds: 1, errors: {} }]);
    expect(throughputRatio(page, anchor)).toBeCloseTo(0.8);
    expect(throughputRatio(page, summarizeRuns([]))).toBeNaN();
  });

  it("formats a table: first column left, numbers right", () => {
    expect(
      formatTable(
        ["page", "req/s"],
        [
          ["/", "812.5"],
          ["/bench/prerendered", "1020.0"],
        ],
      ),
    ).toBe(["page                 req/s", "------------------  ------", "/                    812.5", "/bench/prerendered  1020.0"].join("\n"));
  });

  it("aligns columns as asked", () => {
    expect(formatTable(["round", "page"], [["1", "/"]], ["right", "left"])).toBe(["round  page", "-----  ----", "    1  /"].join("\n"));
  });

  it("formats numbers and memory, n/a when unknown", () => {
    expect(formatNumber(0.8149, 2)).toBe("0.81");
    expect(formatNumber(NaN, 2)).toBe("n/a");
    expect(formatMegabytes(545_792)).toBe("533 MB");
    expect(formatMegabytes(null)).toBe("n/a");
  });
});
