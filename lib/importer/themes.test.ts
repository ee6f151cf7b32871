import { describe, expect, it } from "vitest";
import { themes as seedThemes } from "@/prisma/seed-data/session-35";
import { compileThemes, countThemeHits, suggestTheme } from "./themes";
import { normaliseText } from "./normalise";

const themes = [
  { key: "borders", keywords: ["الحدود", "الرقابة على الحدود", "التسلل", "border", "borders"] },
  { key: "drugs", keywords: ["المخدرات", "تهريب المخدرات", "drugs", "drug trafficking"] },
  { key: "training", keywords: ["التدريب", "ورش العمل", "training", "workshops"] },
];

function hits(text: string): number[] {
  return countThemeHits(compileThemes(themes), normaliseText(text).text);
}

describe("theme suggestion", () => {
  it("counts every keyword hit and picks the theme with the most", () => {
    expect(hits("تعزيز الرقابة على الحدود ومنع تهريب المخدرات والتسلل")).toEqual([3, 2, 0]);
    expect(suggestTheme("تعزيز الرقابة على الحدود ومنع تهريب المخدرات والتسلل", themes)).toBe("borders");
  });

  it("finds Arabic keywords with proclitics, without the article, with ل+ال and with a suffix", () => {
    expect(hits("للحدود")).toEqual([1, 0, 0]);
    expect(hits("وبالحدود")).toEqual([1, 0, 0]);
    expect(hits("حدود الدول")).toEqual([1, 0, 0]);
    expect(hits("وإيقاف تسللهم")).toEqual([1, 0, 0]);
    expect(hits("ورش عمل ودورات تدريبية")).toEqual([0, 0, 2]);
  });

  it("ignores diacritics, tatweel, hamza and ta marbuta differences on either side", () => {
    expect(suggestTheme("الرِّقابـــه على الحُدود", themes)).toBe("borders");
    expect(suggestTheme("الإنترنت", [{ key: "online", keywords: ["الانترنت"] }])).toBe("online");
  });

  it("needs a keyword to start a word, and the words before the last to be whole", () => {
    expect(hits("المستحدود")).toEqual([0, 0, 0]);
    expect(hits("تهريبات المخدرات")).toEqual([0, 1, 0]);
  });

  it("matches English keywords case-insensitively, with a plural or a suffix on the last word", () => {
    expect(hits("Border controls and BORDERS; drug trafficking routes; trainings")).toEqual([3, 1, 1]);
    expect(hits("embordered")).toEqual([0, 0, 0]);
  });

  it("takes the first theme of the list on a tie, and none without a hit", () => {
    expect(suggestTheme("المخدرات والتدريب", themes)).toBe("drugs");
    expect(suggestTheme("التدريب والمخدرات", [...themes].reverse())).toBe("training");
    expect(suggestTheme("التعاون الأمني العربي المشترك", themes)).toBeUndefined();
    expect(suggestTheme("الحدود", [])).toBeUndefined();
  });

  it("counts a keyword listed twice, or in two spellings that normalise alike, once", () => {
    expect(suggestTheme("الإنترنت", [{ key: "a", keywords: ["الإنترنت"] }, { key: "b", keywords: ["الانترنت"] }])).toBe("a");
    expect(countThemeHits(compileThemes([{ key: "a", keywords: ["الإنترنت", "الانترنت", " الإنترنت "] }]), "الانترنت")).toEqual([1]);
  });

  it("works with the seed's keyword lists", () => {
    expect(suggestTheme("تحديث التشريعات الوطنية الخاصة بالجرائم السيبيرانية", seedThemes)).toBe("cybercrime-legislation");
    expect(suggestTheme("The return of foreign terrorist fighters and returnees", seedThemes)).toBe("returning-foreign-fighters");
  });
});
