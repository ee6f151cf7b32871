import { describe, expect, it } from "vitest";
import { normaliseText } from "./normalise";
import { segment } from "./segment";

function sentencesOf(text: string): string[][] {
  const doc = normaliseText(text);
  return segment(doc).map((block) => block.sentences.map((s) => doc.text.slice(s.start, s.end)));
}

function listsOf(text: string) {
  const doc = normaliseText(text);
  return segment(doc).map((block) => ({ list: block.list, text: doc.text.slice(block.start, block.end) }));
}

describe("sentences", () => {
  it("end at the Latin full stop, the Arabic question mark and ! but not at the Arabic comma", () => {
    expect(sentencesOf("اتفق الوزراء على كذا، وشددوا على كذا. ثم ماذا؟ لا شيء! انتهى")).toEqual([
      ["اتفق الوزراء علي كذا، وشددوا علي كذا.", "ثم ماذا؟", "لا شيء!", "انتهي"],
    ]);
  });

  it("end at a line break, also without a full stop", () => {
    expect(sentencesOf("اتفق الوزراء على كذا\nكما أشاد الوزراء بكذا.\n\n")).toEqual([["اتفق الوزراء علي كذا"], ["كما اشاد الوزراء بكذا."]]);
  });

  it("do not end inside a number, after an abbreviation or an initial, or before a lowercase word", () => {
    expect(sentencesOf("Resolution No. 35 of the U.N. Security Council, 3.5 per cent, e.g. drugs. Mr. Smith met J. Doe. Next")).toEqual([
      ["resolution no. 35 of the u.n. security council, 3.5 per cent, e.g. drugs.", "mr. smith met j. doe.", "next"],
    ]);
    expect(sentencesOf("ألقى د. أحمد كلمة. ثم انصرف")).toEqual([["القي د. احمد كلمه.", "ثم انصرف"]]);
  });

  it("keep closing quotes and brackets with the sentence they close", () => {
    expect(sentencesOf('He said "we agreed." Then (they left.) Done')).toEqual([['he said "we agreed."', "then (they left.)", "done"]]);
  });

  it("join a line that was only wrapped: after a comma, or before a lowercase word", () => {
    expect(sentencesOf("The ministers agreed to strengthen\nborder control. They stressed,\nAbove all, training.")).toEqual([
      ["the ministers agreed to strengthen\nborder control.", "they stressed,\nabove all, training."],
    ]);
  });
});

describe("lists", () => {
  it("keep an item that ends with a comma apart from the next line", () => {
    expect(listsOf("- وإذ يؤكد أهمية التعاون،\nيقرر:")).toEqual([
      { list: "bullet", text: "واذ يوكد اهميه التعاون،" },
      { list: null, text: "يقرر:" },
    ]);
  });

  it("recognise Latin and Arabic-Indic numbers with a point, a hyphen or brackets, and keep the marker out", () => {
    expect(listsOf("1. first\n2- second\n(3) third\n4) fourth\n١- أول\n٢. ثان\n(٣) ثالث\n١٠-عاشر")).toEqual([
      { list: "number", text: "first" },
      { list: "number", text: "second" },
      { list: "number", text: "third" },
      { list: "number", text: "fourth" },
      { list: "number", text: "اول" },
      { list: "number", text: "ثان" },
      { list: "number", text: "ثالث" },
      { list: "number", text: "عاشر" },
    ]);
  });

  it("recognise Arabic and English ordinal words, letters, roman numerals and bullets", () => {
    expect(listsOf("أولاً: في مجال الحدود\nثانياً - التدريب\nFirst: borders\na) one\n(b) two\nأ- ألف\nii. two\n- dash\n• dot")).toEqual([
      { list: "ordinal", text: "في مجال الحدود" },
      { list: "ordinal", text: "التدريب" },
      { list: "ordinal", text: "borders" },
      { list: "letter", text: "one" },
      { list: "letter", text: "two" },
      { list: "letter", text: "الف" },
      { list: "roman", text: "two" },
      { list: "bullet", text: "dash" },
      { list: "bullet", text: "dot" },
    ]);
  });

  it("do not take a decimal, a year, a negative number or a plain word for a marker", () => {
    expect(listsOf("1.5 per cent\n2018. The year\n-5 degrees\nأولا نبدأ").map((b) => b.list)).toEqual([null, null, null, null]);
  });
});
