import { describe, expect, it } from "vitest";
import { csvField, csvRow } from "./csv";

describe("CSV export", () => {
  it("quotes every field and doubles quotes inside", () => {
    expect(csvRow(["a", 'say "hi"', "x,y", "line\nbreak"])).toBe('"a","say ""hi""","x,y","line\nbreak"\r\n');
  });

  it("writes empty fields for null and undefined, ISO for dates, digits for big integers", () => {
    expect(csvRow([null, undefined, new Date("2026-01-02T03:04:05.000Z"), 12345678901234567890n])).toBe(
      '"","","2026-01-02T03:04:05.000Z","12345678901234567890"\r\n',
    );
  });

  // Threat: an audit value typed by a user (a name, a narrative) runs as a formula when an
  // admin opens the export in a spreadsheet (CSV injection): it must arrive as inert text.
  it.each(["=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "\tcmd", "\rcmd"])("makes %j inert", (value) => {
    expect(csvField(value).startsWith(`"'`)).toBe(true);
  });

  it("keeps Arabic text as it is", () => {
    expect(csvField("تعزيز الرقابة على الحدود")).toBe('"تعزيز الرقابة على الحدود"');
  });
});
