import { describe, expect, it } from "vitest";
import {
  AssessmentFormSchema,
  encodeTimelineCursor,
  ReportFormSchema,
  ReviewSchema,
  TIMELINE_PAGE_SIZE,
  TimelineCursorSchema,
  TimelinePageSchema,
} from "./reports";

const form = (fields: Record<string, string>) =>
  ReportFormSchema.safeParse({ intent: "submit", commitment: "35/6", status: "LIMITED", baseVersion: "2", visibility: "MEMBERS", ...fields });

describe("the report form", () => {
  it("reads links one per line, ignoring blank lines and CRLF", () => {
    const parsed = form({ evidenceLinks: "https://a.example/x\r\n\r\n  http://b.example  \n" });
    expect(parsed.data?.evidenceLinks).toEqual(["https://a.example/x", "http://b.example"]);
    expect(parsed.data?.baseVersion).toBe(2);
  });

  it("refuses a script link on any line", () => {
    expect(form({ evidenceLinks: "https://a.example\njavascript:alert(1)" }).error?.issues.map((i) => i.message)).toEqual(["link.scheme"]);
  });

  it("needs a status to submit, not to save a draft", () => {
    expect(form({ status: "" }).error?.issues[0]).toMatchObject({ path: ["status"], message: "report.statusRequired" });
    expect(form({ intent: "draft", status: "" }).data).toMatchObject({ status: null });
  });

  it("keeps a reason only for NOT_APPLICABLE, and requires it there", () => {
    expect(form({ status: "NOT_APPLICABLE", notApplicableReason: "" }).error?.issues[0]?.message).toBe("report.reasonRequired");
    expect(form({ status: "NOT_APPLICABLE", notApplicableReason: " No border. " }).data?.notApplicableReason).toBe("No border.");
    expect(form({ status: "LIMITED", notApplicableReason: "left over" }).data?.notApplicableReason).toBeNull();
  });

  it("refuses a negative or fractional base version", () => {
    expect(form({ baseVersion: "-1" }).success).toBe(false);
    expect(form({ baseVersion: "1.5" }).success).toBe(false);
  });
});

describe("reviews and assessments", () => {
  it("need a comment to return a report, not to validate it", () => {
    expect(ReviewSchema.safeParse({ decision: "RETURN", comment: "  " }).error?.issues[0]?.message).toBe("review.commentRequired");
    expect(ReviewSchema.safeParse({ decision: "VALIDATE" }).data).toEqual({ decision: "VALIDATE", comment: "" });
  });

  it("take only −1, 0 or +1, with a rationale", () => {
    const base = { commitment: "35/6", country: "qa", rationale: "Partly.", baseAssessmentId: "" };
    expect(AssessmentFormSchema.safeParse({ ...base, score: "1" }).data).toMatchObject({ score: 1, country: "QA", baseAssessmentId: null });
    expect(AssessmentFormSchema.safeParse({ ...base, score: "2" }).success).toBe(false);
    expect(AssessmentFormSchema.safeParse({ ...base, score: "0", rationale: " " }).error?.issues[0]?.message).toBe("assessment.rationaleRequired");
  });
});

describe("a timeline page", () => {
  const id = "0193a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b";

  it("carries its cursor as milliseconds and an id, and reads it back", () => {
    const at = new Date("2026-11-29T02:42:12.345Z");
    const cursor = encodeTimelineCursor({ at, id });
    expect(cursor).toBe(`${at.getTime()}_${id}`);
    expect(TimelineCursorSchema.parse(cursor)).toEqual({ at, id });
  });

  it("refuses a cursor that is not one", () => {
    for (const value of ["", "yesterday", `_${id}`, `12_${id.toUpperCase()}`, `1.5_${id}`, `-1_${id}`, `1_${id}x`, "1_not-a-uuid", `1234567890123456_${id}`]) {
      expect(TimelineCursorSchema.safeParse(value).success, value).toBe(false);
    }
  });

  it("holds 1 to 100 entries, 20 unless asked", () => {
    expect(TimelinePageSchema.parse({})).toEqual({ limit: TIMELINE_PAGE_SIZE });
    expect(TIMELINE_PAGE_SIZE).toBe(20);
    expect(TimelinePageSchema.parse({ limit: "1" }).limit).toBe(1);
    expect(TimelinePageSchema.parse({ limit: "100" }).limit).toBe(100);
    for (const limit of ["0", "101", "1.5", "x", "-3"]) expect(TimelinePageSchema.safeParse({ limit }).success, limit).toBe(false);
  });
});
