import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { proposeCommitments, type ProposeResult } from "./propose";

const themes = [
  { key: "borders", keywords: ["الحدود", "border"] },
  { key: "drugs", keywords: ["المخدرات", "drugs"] },
  { key: "training", keywords: ["التدريب", "training"] },
];

const propose = (text: string, language?: "ar" | "en") => proposeCommitments(text, { themes, ...(language ? { language } : {}) });
const summary = (result: ProposeResult) => result.proposals.map((p) => [p.text, p.kind, p.theme ?? null]);

describe("proposals from Arabic text", () => {
  it("split at ، ؛ and . and keep each clause's own kind", () => {
    const text = "اتفق الوزراء على تعزيز الرقابة على الحدود، مع التأكيد على مكافحة المخدرات؛ ودعوا إلى التدريب. كما أشاد الوزراء بالتنظيم.";
    expect(summary(propose(text))).toEqual([
      ["اتفق الوزراء على تعزيز الرقابة على الحدود", "agreement", "borders"],
      ["مع التأكيد على مكافحة المخدرات", "emphasis", "drugs"],
      ["ودعوا إلى التدريب.", "call", "training"],
    ]);
  });

  it("read و and ف attached to the verb, and the verb's other forms", () => {
    const sentences = ["واتفق الوزراء على أمر", "وشدد المجلس على أمر", "ودعا المجلس إلى أمر", "وأكدت الدول أمرا", "فيجب على الدول أمر", "وشددوا على أمر", "الدعوة إلى أمر"];
    expect(propose(sentences.join(".\n")).proposals.map((p) => p.kind)).toEqual([
      "agreement",
      "emphasis",
      "call",
      "emphasis",
      "necessity",
      "emphasis",
      "call",
    ]);
  });

  it("gives list items the kind of their lead-in, and a heading's theme to items without one", () => {
    const text = "قرر المجلس ما يلي:\n١- تنظيم دورات في التدريب.\n٢- التأكيد على التعاون.\nأولاً: في مجال الحدود\n- إنشاء فريق عمل مشترك.\n(٣) تبادل المعلومات.\nوفي الختام اجتمع الوزراء.";
    const result = propose(text);
    expect(summary(result)).toEqual([
      ["تنظيم دورات في التدريب.", "decision", "training"],
      ["التأكيد على التعاون.", "emphasis", null],
      ["إنشاء فريق عمل مشترك.", "decision", "borders"],
      ["تبادل المعلومات.", "decision", "borders"],
    ]);
    expect(result.skipped.map((s) => [s.text, s.reason])).toEqual([
      ["قرر المجلس ما يلي:", "lead-in"],
      ["في مجال الحدود", "heading"],
      ["وفي الختام اجتمع الوزراء.", "narrative"],
    ]);
  });

  it("ends a list's lead-in at the next paragraph", () => {
    const text = "قرر المجلس ما يلي:\n1. تنظيم دورات في التدريب.\nتنظيم دورات أخرى في التدريب.";
    expect(propose(text).proposals.map((p) => p.text)).toEqual(["تنظيم دورات في التدريب."]);
  });

  it("skips the preamble of a resolution", () => {
    const text = "إن مجلس وزراء الداخلية العرب،\n- بعد اطلاعه على مذكرة الأمانة العامة،\n- وإذ يؤكد أهمية التعاون،\nيقرر:\n1- اعتماد الخطة.";
    const result = propose(text);
    expect(summary(result)).toEqual([["اعتماد الخطة.", "decision", null]]);
    expect(result.skipped.map((s) => [s.text, s.reason])).toEqual([
      ["إن مجلس وزراء الداخلية العرب", "heading"],
      ["بعد اطلاعه على مذكرة الأمانة العامة", "no-operative-language"],
      ["وإذ يؤكد أهمية التعاون", "preamble"],
      ["يقرر:", "lead-in"],
    ]);
  });

  it("suggests a theme from the clause's own keywords, not from the other clauses of its sentence", () => {
    const text = "اعتمد المجلس الخطة المرحلية لمكافحة المخدرات، والخطة المرحلية الثانية للتدريب الأمني، والخطة الإعلامية للتوعية الأمنية.";
    expect(summary(propose(text))).toEqual([
      ["اعتمد المجلس الخطة المرحلية لمكافحة المخدرات", "decision", "drugs"],
      ["والخطة المرحلية الثانية للتدريب الأمني", "decision", "training"],
      ["والخطة الإعلامية للتوعية الأمنية.", "decision", null],
    ]);
  });

  it("leaves the theme out when nothing in the clause or its sentence matches", () => {
    expect(propose("اتفق الوزراء على التعاون.").proposals[0]).toEqual({
      text: "اتفق الوزراء على التعاون.",
      start: 0,
      end: 25,
      kind: "agreement",
    });
  });
});

describe("proposals from English text", () => {
  it("follow the same rules", () => {
    const text = [
      "FINAL COMMUNIQUÉ",
      "The ministers agreed to tighten border control, and to fight drugs. They praised the hosts.",
      "The Council decided as follows:",
      "1. To organise training;",
      "2. Member states should report.",
    ].join("\n");
    const result = propose(text);
    expect(result.language).toBe("en");
    expect(summary(result)).toEqual([
      ["The ministers agreed to tighten border control", "agreement", "borders"],
      ["and to fight drugs.", "agreement", "drugs"],
      ["To organise training", "decision", "training"],
      ["Member states should report.", "necessity", null],
    ]);
    expect(result.skipped.map((s) => s.reason)).toEqual(["no-operative-language", "narrative", "lead-in"]);
  });
});

describe("language", () => {
  it("is read paragraph by paragraph in a bilingual text, unless it is given", () => {
    const text = "اتفق الوزراء على تعزيز الرقابة على الحدود.\nThe ministers agreed to tighten border control, and to fight drugs.";
    const detected = propose(text);
    expect(detected.language).toBe("en"); // the English half has more letters
    expect(summary(detected)).toEqual([
      ["اتفق الوزراء على تعزيز الرقابة على الحدود.", "agreement", "borders"],
      ["The ministers agreed to tighten border control", "agreement", "borders"],
      ["and to fight drugs.", "agreement", "drugs"],
    ]);
    expect(propose(text, "ar").proposals.map((p) => p.text)).toEqual(["اتفق الوزراء على تعزيز الرقابة على الحدود."]);
  });

  it("is detected when not given, and the given one is used otherwise", () => {
    expect(propose("اتفق الوزراء على التعاون.").language).toBe("ar");
    expect(propose("The ministers agreed.").language).toBe("en");
    const forced = propose("The ministers agreed.", "ar");
    expect(forced.language).toBe("ar");
    expect(forced.proposals).toEqual([]);
  });
});

describe("offsets", () => {
  it("point into the text as submitted, whatever it carries: harakat, tatweel, direction marks, CRLF, presentation forms", () => {
    const text = "\u200Fاتَّفَقَ الوزراءُ على تعزيز الرقابـــة على الحدود،\r\nوَدَعَوْا إلى \uFEFBئحة للتدريب\u200E.\r\n";
    const result = propose(text);
    // The line ends with a comma: it was only wrapped, and "، ودعوا" opens the second clause.
    expect(result.proposals.map((p) => [p.text, p.kind, p.theme])).toEqual([
      ["اتَّفَقَ الوزراءُ على تعزيز الرقابـــة على الحدود", "agreement", "borders"],
      ["وَدَعَوْا إلى \uFEFBئحة للتدريب\u200E.", "call", "training"],
    ]);
    for (const p of result.proposals) expect(text.slice(p.start, p.end)).toBe(p.text);
  });
});

// Random communiqués from the words that matter (markers, connectives, punctuation, list markers,
// harakat and tatweel), plus arbitrary Unicode.
const words = fc.constantFrom(
  "اتفق", "واتفقوا", "شددوا", "وأكدت", "التأكيد", "ضرورة", "أهمية", "فيجب", "دعا", "الدعوة", "أشاد", "التقى", "يشار إلى", "وإذ",
  "الوزراء", "على", "إلى", "الحدود", "المخدرات", "للتدريب", "كما", "وبالتالي", "مع", "ولمواجهة", "وزراء", "والتي",
  "agreed", "stressed", "called on", "must", "praised", "met", "and", "to", "borders", "drugs", "training", "Mr.", "U.N.", "3.5",
);
const glue = fc.constantFrom(" ", " ", " ", "، ", ", ", "؛ ", "; ", ". ", "؟ ", "\n", "\r\n", "\n\n", ":\n", "\n١- ", "\n2. ", "\n(3) ", "\n- ", "\n• ", "\nأولاً: ", "ـــ", "َ", "\u200F");
const communique = fc.array(fc.tuple(words, glue), { maxLength: 60 }).map((parts) => parts.map(([w, g]) => w + g).join(""));
const anyText = fc.oneof(communique, fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 200 }));

describe("properties", () => {
  it("every proposal and skipped part is the exact, trimmed slice of the text at its offsets, in order, without overlap", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = proposeCommitments(text, { themes });
        const spans = [...result.proposals, ...result.skipped].sort((a, b) => a.start - b.start);
        let previousEnd = 0;
        for (const span of spans) {
          expect(span.start).toBeGreaterThanOrEqual(previousEnd);
          expect(span.end).toBeGreaterThan(span.start);
          expect(span.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(span.start, span.end)).toBe(span.text);
          expect(span.text.trim()).toBe(span.text);
          previousEnd = span.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it("loses no word: every letter outside a list marker is in a proposal or a skipped part", () => {
    fc.assert(
      fc.property(communique, (text) => {
        const result = proposeCommitments(text, { themes });
        const covered = new Array<boolean>(text.length).fill(false);
        for (const span of [...result.proposals, ...result.skipped]) covered.fill(true, span.start, span.end);
        const markerLetters = new Set<number>();
        for (const match of text.matchAll(/\nأولاً: /gu)) for (let i = 0; i < match[0].length; i++) markerLetters.add(match.index + i);
        for (let i = 0; i < text.length; i++) {
          if (/\p{L}/u.test(text.charAt(i)) && !markerLetters.has(i)) expect(covered[i], `${i} in ${JSON.stringify(text)}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("does not depend on harakat, tatweel or hamza spelling", () => {
    const decorate = (text: string) =>
      text.replace(/[\u0628-\u064A](?=[\u0628-\u064A])/gu, (ch) => `${ch}\u064E`).replace(/أ/gu, "ا").replace(/ة/gu, "ه").replace(/ل/gu, "لـ");
    fc.assert(
      fc.property(communique, (text) => {
        const plain = proposeCommitments(text, { themes });
        const decorated = proposeCommitments(decorate(text), { themes });
        expect(decorated.proposals.map((p) => [p.kind, p.theme])).toEqual(plain.proposals.map((p) => [p.kind, p.theme]));
        expect(decorated.skipped.map((s) => s.reason)).toEqual(plain.skipped.map((s) => s.reason));
      }),
      { numRuns: 300 },
    );
  });
});
