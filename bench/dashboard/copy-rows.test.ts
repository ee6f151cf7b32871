import { describe, expect, it } from "vitest";
import { copyField, textArray } from "./copy-rows";

describe("COPY text format", () => {
  it("writes NULL as \\N and escapes backslashes and delimiters", () => {
    expect(copyField(null)).toBe("\\N");
    expect(copyField(42)).toBe("42");
    expect(copyField("plain نص")).toBe("plain نص");
    expect(copyField("a\\b\tc\nd\re")).toBe("a\\\\b\\tc\\nd\\re");
  });

  it("quotes array elements", () => {
    expect(textArray([])).toBe("{}");
    expect(textArray(["https://x.org/a", 'say "hi"'])).toBe('{"https://x.org/a","say \\"hi\\""}');
  });
});
