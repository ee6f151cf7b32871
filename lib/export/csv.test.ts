import { describe, expect, it } from "vitest";
import { csvRecords, neutraliseFormula, toCsv } from "./csv";

describe("CSV export", () => {
  it("starts with a UTF-8 byte-order mark and keeps Arabic text as it is", () => {
    const csv = toCsv(["country"], [["قطر"]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe("country\r\nقطر\r\n");
  });

  // Threat: a commitment title or name typed by someone else running as a formula when a
  // delegate opens the export in a spreadsheet (=HYPERLINK(…) exfiltration, DDE).
  // Every text cell starting with = + - @, a tab or a carriage return is neutralised.
  it("neutralises text that a spreadsheet would run as a formula", () => {
    for (const dangerous of ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=1", "\r=1"]) {
      expect(neutraliseFormula(dangerous)).toBe(`'${dangerous}`);
    }
    expect(neutraliseFormula("Counter drug smuggling")).toBe("Counter drug smuggling");
    expect(neutraliseFormula("مكافحة = الإرهاب")).toBe("مكافحة = الإرهاب");
    const csv = toCsv(["title"], [['=HYPERLINK("http://evil.example","x")']]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  });

  it("writes numbers, including negative scores, as numbers; null as an empty cell; quotes separators", () => {
    expect(toCsv(["a", "b", "c", "d"], [[-1, null, true, "x, \"y\"\nz"]]).slice(1)).toBe('a,b,c,d\r\n-1,,true,"x, ""y""\nz"\r\n');
  });

  it("quotes every field of streamed records: null and undefined empty, dates in ISO, big integers in digits", () => {
    expect(csvRecords([["a", 'say "hi"', "x,y", "line\nbreak"]])).toBe('"a","say ""hi""","x,y","line\nbreak"\r\n');
    expect(csvRecords([[null, undefined, new Date("2026-01-02T03:04:05.000Z"), 12345678901234567890n], ["=cmd", "تعزيز الرقابة على الحدود"]])).toBe(
      '"","","2026-01-02T03:04:05.000Z","12345678901234567890"\r\n"\'=cmd","تعزيز الرقابة على الحدود"\r\n',
    );
  });
});
