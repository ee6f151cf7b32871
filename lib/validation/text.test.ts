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

  it("refuses empty required text, too long text, and huge inputs early", () => {
    expect(problems(name, "   ")).toEqual(["required"]);
    expect(problems(name, "x".repeat(11))).toEqual(["text.tooLong"]);
    expect(problems(name, "x".repeat(1_000_000))).toContain("text.tooLong");
    expect(problems(textField({ max: 10, required: false }), "")).toEqual([]);
  });
});
