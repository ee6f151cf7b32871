import { describe, expect, it } from "vitest";
import { databaseNameFor, parseCount } from "./cli-args";

describe("command-line counts", () => {
  it("reads plain, k, M and exponent forms", () => {
    expect(parseCount("10000")).toBe(10_000);
    expect(parseCount("10k")).toBe(10_000);
    expect(parseCount("1M")).toBe(1_000_000);
    expect(parseCount("1e6")).toBe(1_000_000);
    expect(parseCount("100_000")).toBe(100_000);
    expect(() => parseCount("ten")).toThrow();
    expect(() => parseCount("-5")).toThrow();
  });

  it("names one database per size, seed and session count", () => {
    expect(databaseNameFor(10_000, 40, 40)).toBe("dashboard_10000");
    expect(databaseNameFor(10_000, 7, 40, 3)).toBe("dashboard_10000_seed7_sessions3");
  });
});
