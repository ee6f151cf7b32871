import { describe, expect, it } from "vitest";
import { summarise } from "./stats";

describe("summarise", () => {
  it("takes the median and the nearest-rank 95th percentile", () => {
    const samples = Array.from({ length: 40 }, (_, i) => 40 - i); // 1…40, unsorted
    expect(summarise(samples)).toEqual({ runs: 40, medianMs: 20.5, p95Ms: 38, minMs: 1, maxMs: 40 });
    expect(summarise([3, 1, 2])).toMatchObject({ medianMs: 2, p95Ms: 3 });
  });

  it("refuses an empty list", () => {
    expect(() => summarise([])).toThrow();
  });
});
