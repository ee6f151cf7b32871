import { describe, expect, it } from "vitest";
import { COMPLETION, isReportStatus, needsReason, STATUSES } from "./status-scale";

describe("status scale", () => {
  it("orders the levels from nothing done to complete, with not-applicable last", () => {
    expect(STATUSES).toEqual(["NOT_STARTED", "LIMITED", "SUBSTANTIAL", "COMPLETE", "NOT_APPLICABLE"]);
  });

  it("weighs completion in thirds and leaves not-applicable out", () => {
    expect(COMPLETION).toEqual({ NOT_STARTED: 0, LIMITED: 1 / 3, SUBSTANTIAL: 2 / 3, COMPLETE: 1, NOT_APPLICABLE: null });
  });

  it("recognises only the scale's values", () => {
    expect(isReportStatus("COMPLETE")).toBe(true);
    expect(isReportStatus("complete")).toBe(false);
    expect(isReportStatus("NO_REPORT")).toBe(false);
    expect(isReportStatus(undefined)).toBe(false);
  });

  it("asks a reason for not-applicable only", () => {
    expect(STATUSES.filter(needsReason)).toEqual(["NOT_APPLICABLE"]);
  });
});
