import { describe, expect, it } from "vitest";
import { findMarkers } from "./classify";
import { splitClauses } from "./clauses";
import type { Language } from "./language";
import { normaliseText } from "./normalise";

// One sentence in, its clauses out: [text, own class or inherited class, cut].
function clauses(sentence: string, language: Language = "ar") {
  const doc = normaliseText(sentence);
  const markers = findMarkers(doc.text, language);
  return splitClauses(doc.text, { start: 0, end: doc.text.length }, markers, language).map((c) => [
    doc.text.slice(c.start, c.end),
    c.own?.class ?? (c.inherited === undefined ? null : `inherits ${c.inherited}`),
    c.cut,
  ]);
}

describe("clauses of an Arabic sentence", () => {
  it("cut at ، before a coordinated clause, which inherits the operative verb", () => {
    expect(clauses("دعا البيان الدول العربية إلى تعزيز الرقابة على الحدود، ولمواجهة طرق ومنابع تهريب المخدرات.")).toEqual([
      ["دعا البيان الدول العربيه الي تعزيز الرقابه علي الحدود", "call", "sentence"],
      ["ولمواجهه طرق ومنابع تهريب المخدرات.", "inherits call", "weak"],
    ]);
  });

  it("cut at ، before مع التأكيد, a clause with its own marker", () => {
    expect(clauses("واتفق الوزراء على تأكيد خطورة الإرهاب، مع التأكيد أيضا على التعاون لمنع أنشطته")).toEqual([
      ["واتفق الوزراء علي تاكيد خطوره الارهاب", "agreement", "sentence"],
      ["مع التاكيد ايضا علي التعاون لمنع انشطته", "emphasis", "weak"],
    ]);
  });

  it("cut before a new verb joined by كما, و or وبالتالي, without punctuation", () => {
    expect(clauses("اتفق الوزراء على توحيد الجهود كما شددوا على تنسيق العمل").map((c) => c[1])).toEqual(["agreement", "emphasis"]);
    expect(clauses("اتفق الوزراء على توحيد الجهود وأكدوا أهمية التنسيق").map((c) => c[0])).toEqual([
      "اتفق الوزراء علي توحيد الجهود",
      "واكدوا اهميه التنسيق",
    ]);
    expect(clauses("التأكيد على أن الانتصارات يجب ألا تنسينا التحديات وبالتالي يجب على الدول تنسيق الجهود")).toEqual([
      ["التاكيد علي ان الانتصارات يجب الا تنسينا التحديات", "emphasis", "sentence"],
      ["وبالتالي يجب علي الدول تنسيق الجهود", "necessity", "verbal"],
    ]);
  });

  it("never cuts a verb from its complement or a relative clause from its noun", () => {
    expect(clauses("اتفق وزراء الداخلية العرب في ختام أعمالهم اليوم الأربعاء، على ضرورة توحيد الجهود")).toHaveLength(1);
    expect(clauses("شددوا على أن الجرائم المنظمة، التي تعتمد على التقنية، تستلزم توحيد التصورات")).toHaveLength(1);
    expect(clauses("شددوا على أن الجرائم المنظمة العابرة للحدود، والتي تعتمد على التقنية الحديثة كثيرا")).toHaveLength(1);
    expect(clauses("حث المجلس الدول على أن يجب التنسيق")).toHaveLength(1);
  });

  it("keeps framing before the verb with it instead of cutting it off", () => {
    expect(clauses("وتضمن البيان الختامي كذلك، التأكيد على أهمية التعاون")).toHaveLength(1);
    expect(clauses("من جانب آخر، دعا البيان إلى تعزيز الرقابة على الحدود، ولمواجهة طرق ومنابع التهريب").map((c) => c[0])).toEqual([
      "من جانب اخر، دعا البيان الي تعزيز الرقابه علي الحدود",
      "ولمواجهه طرق ومنابع التهريب",
    ]);
  });

  it("does not take a list of short items, a short tail or a root و for a coordinated clause", () => {
    expect(clauses("دعا المجلس إلى مكافحة المخدرات، والأسلحة، والاتجار بالبشر عبر الحدود")).toHaveLength(1);
    expect(clauses("دعا المجلس إلى مكافحة الجريمة العابرة للحدود، والإرهاب")).toHaveLength(1);
    expect(clauses("اتفق أصحاب السمو والمعالي، وزراء الداخلية العرب، على تعزيز التعاون الأمني")).toHaveLength(1);
  });

  it("does not continue a narrative clause into a proposal", () => {
    expect(clauses("أشاد الوزراء بدور الأجهزة الأمنية في الدول العربية، وبجهود الأمانة العامة في تنظيم الدورة")).toEqual([
      ["اشاد الوزراء بدور الاجهزه الامنيه في الدول العربيه، وبجهود الامانه العامه في تنظيم الدوره", "narrative", "sentence"],
    ]);
    expect(clauses("أشاد الوزراء بدور الأجهزة الأمنية ودعوا إلى تعزيز التعاون").map((c) => c[1])).toEqual(["narrative", "call"]);
  });

  it("always cuts at ؛, and what follows inherits", () => {
    expect(clauses("قرر المجلس اعتماد الخطة؛ وتكليف الأمانة العامة بمتابعتها؛ وتعميمها على الدول").map((c) => c[1])).toEqual([
      "decision",
      "decision",
      "inherits decision",
    ]);
  });
});

describe("clauses of an English sentence", () => {
  it("cut at ', and to …' and inherit the verb", () => {
    expect(clauses("The Council called on member states to tighten border control, and to step up the exchange of information.", "en")).toEqual([
      ["the council called on member states to tighten border control", "call", "sentence"],
      ["and to step up the exchange of information.", "inherits call", "weak"],
    ]);
  });

  it("cut before 'and stressed' and at ', while affirming'", () => {
    expect(clauses("The ministers agreed on the plan and stressed the need for training", "en").map((c) => c[1])).toEqual(["agreement", "emphasis"]);
    expect(clauses("The Council condemned terrorism in all its forms, while affirming the right to resist occupation", "en").map((c) => c[1])).toEqual([
      "narrative",
      "emphasis",
    ]);
  });

  it("do not cut the last item of a list", () => {
    expect(clauses("The ministers stressed the threat of drugs, arms, and trafficking in persons.", "en")).toHaveLength(1);
  });

  it("cut at semicolons", () => {
    expect(clauses("The Council approved the plan; stressed money laundering; urged cooperation", "en").map((c) => c[1])).toEqual([
      "decision",
      "emphasis",
      "call",
    ]);
  });
});
