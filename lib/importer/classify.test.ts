import { describe, expect, it } from "vitest";
import { findMarkers, firstMarker } from "./classify";
import type { Language } from "./language";
import type { MarkerClass } from "./lexicon";
import { normaliseText } from "./normalise";

function classes(text: string, language: Language = "ar"): MarkerClass[] {
  return findMarkers(normaliseText(text).text, language).map((m) => m.class);
}

function first(text: string, language: Language = "ar") {
  return findMarkers(normaliseText(text).text, language)[0];
}

describe("Arabic operative language", () => {
  it.each([
    ["اتفق الوزراء على", "agreement"],
    ["اتفقوا على", "agreement"],
    ["واتفق الوزراء", "agreement"],
    ["إتفقت الدول", "agreement"],
    ["شدد الوزراء", "emphasis"],
    ["كما شددوا على أن", "emphasis"],
    ["وشـــدد المجلس", "emphasis"],
    ["أكد البيان", "emphasis"],
    ["وأكدت الدول", "emphasis"],
    ["يُؤَكِّد المجلس", "emphasis"],
    ["مع التأكيد على", "emphasis"],
    ["دعا البيان", "call"],
    ["ودعا المجلس", "call"],
    ["دعت الدول", "call"],
    ["الدعوة إلى", "call"],
    ["وطالبوا بـ", "call"],
    ["حثّ المجلس", "call"],
    ["قرر المجلس", "decision"],
    ["واعتمد المجلس خطة", "decision"],
    ["حيث وافق الوزراء على", "decision"],
    ["مؤكدين الحرص على", "emphasis"],
    ["أوصى الاجتماع", "recommendation"],
    ["على ضرورة توحيد", "necessity"],
    ["بضروره توحيد", "necessity"],
    ["فيجب على الدول", "necessity"],
    ["ينبغي على الدول", "necessity"],
    ["لا بد من", "necessity"],
    ["إلى أهمية تحديث", "importance"],
    ["لأهمّيّة تحديث", "importance"],
  ] as const)("%s → %s", (text, kind) => {
    expect(classes(text)).toEqual([kind]);
  });

  it("finds the first marker of a span", () => {
    const markers = findMarkers(normaliseText("اتفق الوزراء وشددوا ودعوا").text, "ar");
    expect(markers.map((m) => m.start)).toEqual([0, 13, 20]);
    expect(firstMarker(markers, 0, 30)?.class).toBe("agreement");
    expect(firstMarker(markers, 1, 30)?.class).toBe("emphasis");
    expect(firstMarker(markers, 14, 30)?.class).toBe("call");
    expect(firstMarker(markers, 14, 20)).toBeUndefined();
    expect(firstMarker(markers, 21, 30)).toBeUndefined();
  });

  it("records whether و or ف is attached to the word", () => {
    expect(first("واتفق")?.conjoined).toBe(true);
    expect(first("فيجب")?.conjoined).toBe(true);
    expect(first("اتفق")?.conjoined).toBe(false);
  });

  it("treats finite verbs and modals as verbal, verbal nouns not", () => {
    expect(first("شددوا")?.verbal).toBe(true);
    expect(first("يجب")?.verbal).toBe(true);
    expect(first("التأكيد")?.verbal).toBe(false);
    expect(first("ضرورة")?.verbal).toBe(false);
  });

  it("ignores words that only look like a marker", () => {
    expect(classes("الاتفاقية العربية لمكافحة الإرهاب")).toEqual([]);
    expect(classes("وبحث معهم التعاون")).toEqual([]);
    expect(classes("التي تعتمد على التقنية والاعتماد على الخبرات")).toEqual([]);
    expect(classes("وسبل تعزيزها")).toEqual([]);
  });
});

describe("Arabic narrative", () => {
  it.each([
    "كما أشاد وزراء الداخلية",
    "ويشار إلى أن",
    "شاركت في هذه الدورة",
    "كما التقى معاليه",
    "حيث ألقى كلمة",
    "ألقى الوزير كلمة",
    "رحب المجلس",
    "وأدان المجلس",
    "اختتم المجلس أعماله",
  ])("%s is narrative", (text) => {
    expect(classes(text)[0]).toBe("narrative");
  });

  it("takes وإذ for the preamble of a resolution", () => {
    expect(classes("وإذ يؤكد أهمية التعاون")).toEqual(["preamble", "emphasis", "importance"]);
  });
});

describe("English", () => {
  it.each([
    ["The ministers agreed on", "agreement"],
    ["They also stressed that", "emphasis"],
    ["The Council reaffirmed", "emphasis"],
    ["called on member states", "call"],
    ["called upon member states", "call"],
    ["urged all parties", "call"],
    ["The Council decided", "decision"],
    ["resolved to", "decision"],
    ["announced approval of the plan", "decision"],
    ["recommended that", "recommendation"],
    ["member states must", "necessity"],
    ["member states should", "necessity"],
    ["the need to unify", "necessity"],
    ["the importance of", "importance"],
    ["praised the role", "narrative"],
    ["took part in", "narrative"],
    ["participated in", "narrative"],
    ["met the heads", "narrative"],
    ["welcomed the delegation", "narrative"],
    ["delivered a speech", "narrative"],
    ["Recalling its resolution", "preamble"],
    ["condemned the attacks", "narrative"],
    ["and noted that the Academy", "narrative"],
  ] as const)("%s → %s", (text, kind) => {
    expect(classes(text, "en")[0]).toBe(kind);
  });

  it("needs whole words: 'calls' or 'must' inside another word does not count", () => {
    expect(classes("mustard, recalls, agreeable, stressful, shallow", "en")).toEqual([]);
  });

  it("uses only the lexicon of the language it is given", () => {
    expect(classes("The ministers agreed", "ar")).toEqual([]);
    expect(classes("اتفق الوزراء", "en")).toEqual([]);
  });
});
