import { describe, expect, it } from "vitest";
import { textField } from "./text";

const problems = (schema: ReturnType<typeof textField>, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe("textField", () => {
  const name = textField({ max: 10 });

  it("trims and keeps Arabic, emoji, bidi and zero-width characters as text", () => {
    expect(name.parse("  مرحبا 😀 ")).toBe("مرحبا 😀");
    expect(name.parse("a\u202Eb\u200Bc")).toBe("a\u202Eb\u200Bc");
  });

  it("refuses NUL and other control characters, which PostgreSQL or a reader cannot take", () => {
    expect(problems(name, "a\u0000b")).toEqual(["text.controlCharacters"]);
    expect(problems(name, "a\u0007b")).toEqual(["text.controlCharacters"]);
    expect(problems(textField({ max: 100 }), "line\nbreak\tand tab")).toEqual([]);
  });

  // Found by the hostile-input property tests: "\ud800 " as a user's name broke the audit
  // log's JSON (PostgreSQL refuses a lone surrogate there).
  it("refuses lone surrogates, keeps surrogate pairs (emoji)", () => {
    expect(problems(name, "\ud800 ")).toEqual(["text.controlCharacters"]);
    expect(problems(name, "a\udc00b")).toEqual(["text.controlCharacters"]);
    expect(name.parse("a\ud83d\ude00b")).toBe("a😀b");
  });

  it("counts characters as people do: an emoji is one", () => {
    const short = textField({ max: 3 });
    expect(short.parse("😀😀😀")).toBe("😀😀😀");
    expect(problems(short, "😀😀😀😀")).toEqual(["text.tooLong"]);
  });

  it("names the messages it is given, once, and tells a missing field from a wrong type", () => {
    const rationale = textField({ max: 5, tooLong: "assessment.rationaleTooLong", missing: "assessment.rationaleRequired" });
    expect(problems(rationale, undefined)).toEqual(["assessment.rationaleRequired"]);
    expect(problems(rationale, " ")).toEqual(["assessment.rationaleRequired"]);
    expect(problems(rationale, "x".repeat(1_000))).toEqual(["assessment.rationaleTooLong"]);
    expect(problems(rationale, ["a", "b"])).toEqual(["invalid"]);
    expect(problems(rationale, 5)).toEqual(["invalid"]);
  });

  it("refuses empty required text, too long text, and huge inputs early", () => {
    expect(problems(name, "   ")).toEqual(["required"]);
    expect(problems(name, "x".repeat(11))).toEqual(["text.tooLong"]);
    expect(problems(name, "x".repeat(1_000_000))).toEqual(["text.tooLong"]);
    expect(problems(textField({ max: 10, required: false }), "")).toEqual([]);
  });
});
