import { describe, expect, it } from "vitest";
import { disagrees, impliedScore, isScore, scoreAsPercentage } from "./assessment-scale";

describe("assessment scale", () => {
  it("reads the statuses as compliance scores", () => {
    expect(["NOT_STARTED", "LIMITED", "SUBSTANTIAL", "COMPLETE", "NOT_APPLICABLE"].map((s) => impliedScore(s as never))).toEqual([
      -1, 0, 0, 1, null,
    ]);
  });

  it("flags a self-reported COMPLETE assessed 0 or −1, and agreement not", () => {
    expect(disagrees("COMPLETE", 0)).toBe(true);
    expect(disagrees("COMPLETE", -1)).toBe(true);
    expect(disagrees("COMPLETE", 1)).toBe(false);
    expect(disagrees("LIMITED", 0)).toBe(false);
    expect(disagrees("NOT_STARTED", 1)).toBe(true);
  });

  it("never flags without both sides, nor for not applicable", () => {
    expect(disagrees(null, 1)).toBe(false);
    expect(disagrees("COMPLETE", null)).toBe(false);
    expect(disagrees("NOT_APPLICABLE", -1)).toBe(false);
  });

  it("converts an average score to the published percentage", () => {
    expect([-1, 0, 1, 0.5].map(scoreAsPercentage)).toEqual([0, 50, 100, 75]);
  });

  it("accepts only −1, 0 and +1 as scores", () => {
    expect([-1, 0, 1, 2, 0.5, "1", null].map(isScore)).toEqual([true, true, true, false, false, false, false]);
  });
});

