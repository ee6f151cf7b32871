import { describe, expect, it } from "vitest";
import {
  AssessmentFormSchema,
  AssessmentSchema,
  CommentSchema,
  encodeTimelineCursor,
  ReportFormSchema,
  ReportSubmissionSchema,
  ReviewFormSchema,
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

// Counterexamples of the hostile-input property tests (tests/hostile): each was a 500 or an
// "unexpected error" once the text reached PostgreSQL, which cannot store NUL.
describe("hostile text in reports, reviews, assessments and comments", () => {
  const fieldErrors = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

  it("refuses NUL and lone surrogates in every text a user types", () => {
    const submission = { commitment: "35/6", country: "QA", status: "NOT_APPLICABLE", notApplicableReason: "No border.", baseVersion: 0 };
    expect(fieldErrors(ReportSubmissionSchema.safeParse({ ...submission, narrative: "plan\u0000" }))).toEqual({ narrative: "text.controlCharacters" });
    expect(fieldErrors(ReportSubmissionSchema.safeParse({ ...submission, notApplicableReason: "\ud800" }))).toEqual({ notApplicableReason: "text.controlCharacters" });
    expect(fieldErrors(form({ narrative: "a\u0007b" }))).toEqual({ narrative: "text.controlCharacters" });
    expect(fieldErrors(ReviewFormSchema.safeParse({ reportId: "0192f7a0-0000-7000-8000-000000000001", decision: "VALIDATE", comment: "\u0000 " }))).toEqual({
      comment: "text.controlCharacters",
    });
    expect(fieldErrors(ReviewSchema.safeParse({ decision: "VALIDATE", comment: "35/1\u0000" }))).toEqual({ comment: "text.controlCharacters" });
    expect(fieldErrors(AssessmentSchema.safeParse({ commitment: "35/6", country: "QA", score: 0, rationale: "\u0000" }))).toEqual({ rationale: "text.controlCharacters" });
    expect(fieldErrors(CommentSchema.safeParse({ commitment: "35/1", country: "QA", body: "\u0000" }))).toEqual({ body: "text.controlCharacters" });
  });

  it("keeps counting characters as people do, and normalises line endings", () => {
    expect(form({ narrative: "😀".repeat(10_000) }).success).toBe(true);
    expect(fieldErrors(form({ narrative: "😀".repeat(10_001) }))).toEqual({ narrative: "report.narrativeTooLong" });
    expect(form({ narrative: " a\r\nb\rc " }).data?.narrative).toBe("a\nb\nc");
  });

  it("refuses a link with a NUL or a lone surrogate, which a URL parser accepts", () => {
    expect(fieldErrors(form({ evidenceLinks: "https://a.example/x\u0000y" }))).toEqual({ "evidenceLinks.0": "link.invalid" });
    expect(fieldErrors(ReportSubmissionSchema.safeParse({ commitment: "35/6", country: "QA", status: "LIMITED", baseVersion: 0, evidenceLinks: ["https://a.example/\udc00"] }))).toEqual({
      "evidenceLinks.0": "link.invalid",
    });
    expect(fieldErrors(form({ evidenceLinks: "x".repeat(50_000) }))).toEqual({ evidenceLinks: "link.tooMany" });
  });

  it("refuses a base version whose next version PostgreSQL's integer cannot hold", () => {
    expect(form({ baseVersion: "2147483646" }).success).toBe(true);
    expect(fieldErrors(form({ baseVersion: "2147483647" }))).toEqual({ baseVersion: "report.baseVersion" });
    expect(fieldErrors(ReportSubmissionSchema.safeParse({ commitment: "35/6", country: "QA", status: "LIMITED", baseVersion: 2 ** 31 }))).toEqual({
      baseVersion: "report.baseVersion",
    });
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
