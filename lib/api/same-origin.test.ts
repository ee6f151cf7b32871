import { describe, expect, it } from "vitest";
import { isForeignOrigin } from "./same-origin";

const headers = (entries: Record<string, string>) => new Headers({ host: "tanfeeth.example", ...entries });

describe("isForeignOrigin", () => {
  it("lets same-site browser requests and scripts without Origin through", () => {
    expect(isForeignOrigin(headers({ origin: "https://tanfeeth.example" }))).toBe(false);
    expect(isForeignOrigin(headers({}))).toBe(false);
    expect(isForeignOrigin(headers({ "sec-fetch-site": "same-origin" }))).toBe(false);
  });

  it("refuses another site, an opaque origin and a cross-site fetch", () => {
    expect(isForeignOrigin(headers({ origin: "https://evil.example" }))).toBe(true);
    expect(isForeignOrigin(headers({ origin: "https://tanfeeth.example.evil.example" }))).toBe(true);
    expect(isForeignOrigin(headers({ origin: "null" }))).toBe(true);
    expect(isForeignOrigin(headers({ "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isForeignOrigin(headers({ origin: "not a url" }))).toBe(true);
  });
});
