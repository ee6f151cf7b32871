import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { requestConcurrency, workerCount } from "./next-cluster";

describe("how many server processes npm start runs", () => {
  it("runs one per core unless WEB_CONCURRENCY says otherwise", () => {
    expect(workerCount({})).toBe(availableParallelism());
    expect(workerCount({ WEB_CONCURRENCY: "" })).toBe(availableParallelism());
    expect(workerCount({ WEB_CONCURRENCY: "1" })).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: "8" })).toBe(8);
  });

  it("refuses a count that is not a whole number from 1 to 64, naming the variable", () => {
    for (const value of ["0", "-2", "1.5", "two", "65"]) {
      expect(() => workerCount({ WEB_CONCURRENCY: value })).toThrow(/WEB_CONCURRENCY must be a whole number from 1 to 64/);
    }
  });
});

describe("how many requests a server process renders at once", () => {
  it("renders two unless REQUEST_CONCURRENCY says otherwise", () => {
    expect(requestConcurrency({})).toBe(2);
    expect(requestConcurrency({ REQUEST_CONCURRENCY: "" })).toBe(2);
    expect(requestConcurrency({ REQUEST_CONCURRENCY: "1" })).toBe(1);
    expect(requestConcurrency({ REQUEST_CONCURRENCY: "16" })).toBe(16);
    expect(requestConcurrency({ REQUEST_CONCURRENCY: "64" })).toBe(64);
  });

  it("refuses a count that is not a whole number from 1 to 64, naming the variable", () => {
    for (const value of ["0", "2.5", "many", "65"]) {
      expect(() => requestConcurrency({ REQUEST_CONCURRENCY: value })).toThrow(/REQUEST_CONCURRENCY must be a whole number from 1 to 64/);
    }
  });
});
