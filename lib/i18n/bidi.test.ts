import { describe, expect, it } from "vitest";
import { displayUrl, isolate } from "./bidi";

describe("isolate", () => {
  it("wraps user text in a first-strong isolate, keeping every character of it", () => {
    expect(isolate("report\u202Efdp.exe")).toBe("\u2068report\u202Efdp.exe\u2069");
    expect(isolate("مرسوم decree")).toBe("\u2068مرسوم decree\u2069");
    expect(isolate("")).toBe("\u2068\u2069");
  });
});

describe("displayUrl", () => {
  it("percent-encodes the bidi controls that could disguise a link, and nothing else", () => {
    expect(displayUrl("https://example.gov/report\u202Efdp.exe")).toBe("https://example.gov/report%E2%80%AEfdp.exe");
    expect(displayUrl("https://example.gov/تقرير?q=<b>")).toBe("https://example.gov/تقرير?q=<b>");
  });
});
