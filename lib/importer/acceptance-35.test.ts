import { describe, expect, it } from "vitest";
import { commitments, communiqueAr, themes } from "@/prisma/seed-data/session-35";
import { proposeCommitments } from "./propose";

// Acceptance on the 35th session (Algiers, 2018): the proposals must cover every commitment that
// the secretariat drew from the communiqué, and leave out the praise and the Qatari visit.
describe("the 35th session's communiqué", () => {
  const result = proposeCommitments(communiqueAr, { themes });
  const sourceSpan = (sourceAr: string) => {
    const start = communiqueAr.indexOf(sourceAr);
    return { start, end: start + sourceAr.length };
  };
  const covering = (sourceAr: string) => {
    const span = sourceSpan(sourceAr);
    return result.proposals.filter((p) => p.start < span.end && span.start < p.end);
  };

  it("is read as Arabic", () => {
    expect(result.language).toBe("ar");
  });

  it.each(commitments)("covers commitment $code with a proposal", ({ sourceAr }) => {
    expect(sourceSpan(sourceAr).start).toBeGreaterThanOrEqual(0);
    expect(covering(sourceAr).length).toBeGreaterThan(0);
  });

  it.each(commitments)("suggests theme $theme for commitment $code", ({ sourceAr, theme }) => {
    expect(covering(sourceAr).map((p) => p.theme)).toContain(theme);
  });

  it("keeps the two commitments that share a sentence apart: borders and drugs, legislation and expertise", () => {
    const byTheme = (key: string) => result.proposals.filter((p) => p.theme === key);
    for (const [a, b] of [["border-control", "drug-trafficking"], ["cybercrime-legislation", "expertise-exchange"]] as const) {
      expect(byTheme(a)).toHaveLength(1);
      expect(byTheme(b)).toHaveLength(1);
      expect(byTheme(a)[0]?.text).not.toBe(byTheme(b)[0]?.text);
    }
  });

  it.each([
    ["the praise of the security services", "كما أشاد وزراء الداخلية العرب"],
    ["the Qatari delegation's visit", "ويشار إلى أن دولة قطر شاركت"],
    ["the Qatari minister's meetings", "كما التقى معاليه"],
  ])("does not propose %s, and skips it as narrative", (_, phrase) => {
    const at = communiqueAr.indexOf(phrase);
    expect(at).toBeGreaterThanOrEqual(0);
    const paragraphEnd = communiqueAr.indexOf(".", at);
    expect(result.proposals.filter((p) => p.start < paragraphEnd && at < p.end)).toEqual([]);
    expect(result.skipped.find((s) => s.start <= at && at < s.end)?.reason).toBe("narrative");
  });

  it("makes ten proposals: the eight commitments, two of them in two clauses", () => {
    expect(result.proposals.map((p) => p.kind)).toEqual([
      "agreement", // اتفق … على ضرورة توحيد جهود الدول العربية (35/1)
      "emphasis", // كما شددوا على أن جرائم العنف … (35/2)
      "agreement", // واتفق الوزراء … على تأكيد خطورة الإرهاب (35/3)
      "emphasis", // مع التأكيد أيضا على التعاون … وتجفيف منابعه (35/3)
      "emphasis", // وتضمن البيان الختامي كذلك، التأكيد على … (35/4)
      "necessity", // وبالتالي يجب على الدول العربية تنسيق الجهود … (35/4)
      "call", // دعا البيان الختامي … إلى تعزيز الرقابة على الحدود (35/5)
      "call", // ولمواجهة طرق ومنابع تهريب المخدرات (35/6)
      "importance", // ولفت البيان إلى أهمية تحديث التشريعات (35/7)
      "importance", // وذلك من خلال تكثيف التعاون وتبادل الخبرات (35/8)
    ]);
  });
});
