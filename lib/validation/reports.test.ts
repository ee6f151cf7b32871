import { describe, expect, it } from "vitest";
import { AssessmentFormSchema, ReportFormSchema, ReviewSchema } from "./reports";

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
