import { describe, expect, it } from "vitest";
import { detectLanguage } from "./language";
import { normaliseForMatching, normaliseText, toOriginalSpan } from "./normalise";

describe("normalisation for matching", () => {
  it("drops harakat and tatweel and folds alef, hamza, ta marbuta and alef maqsura", () => {
    expect(normaliseForMatching("اتَّفَقَ")).toBe("اتفق");
    expect(normaliseForMatching("شـــددوا")).toBe("شددوا");
    expect(normaliseForMatching("أكد إلى آخر ٱلله")).toBe("اكد الي اخر الله");
    expect(normaliseForMatching("ضرورة")).toBe(normaliseForMatching("ضروره"));
    expect(normaliseForMatching("يؤكد مسئول")).toBe("يوكد مسيول");
  });

  it("lowercases Latin text and turns Arabic-Indic digits into ASCII ones", () => {
    expect(normaliseForMatching("Agreed ON ١٢ and ۳")).toBe("agreed on 12 and 3");
  });

  it("turns presentation forms from PDF extraction back into letters", () => {
    expect(normaliseForMatching("\uFEFB")).toBe("لا");
  });

  it("maps every normalised character back to the character it came from", () => {
    const original = "\u200Fوشـــدَّدوا على";
    const doc = normaliseText(original);
    expect(doc.text).toBe("وشددوا علي");
    for (let i = 0; i < doc.text.length; i++) {
      const from = doc.origin[i];
      expect(from).toBeDefined();
      expect(normaliseForMatching(original.charAt(from ?? -1))).toBe(doc.text.charAt(i).trim());
    }
  });

  it("maps a span back with the marks after its last letter and without the invisible characters around it", () => {
    const original = "\u200F اتَّفَقَ \u200E الوزراء";
    const doc = normaliseText(original);
    const at = doc.text.indexOf("اتفق");
    const span = toOriginalSpan(doc, at, at + 4);
    expect(original.slice(span.start, span.end)).toBe("اتَّفَقَ");
    const whole = toOriginalSpan(doc, 0, doc.text.length);
    expect(original.slice(whole.start, whole.end)).toBe("اتَّفَقَ \u200E الوزراء");
  });
});

describe("language detection", () => {
  it("takes the script most of the letters are written in", () => {
    expect(detectLanguage("اتفق وزراء الداخلية العرب على تعزيز التعاون مع INTERPOL")).toBe("ar");
    expect(detectLanguage("The ministers agreed on the Arab strategy (الاستراتيجية)")).toBe("en");
  });

  it("falls back to Arabic, or to the fallback given, on a tie or without letters", () => {
    expect(detectLanguage("1. 2. 3.")).toBe("ar");
    expect(detectLanguage("1. 2. 3.", "en")).toBe("en");
    expect(detectLanguage("ab بت", "en")).toBe("en");
  });
});
