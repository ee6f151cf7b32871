import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatFileSize, formatNumber, formatPercent, formatSigned } from "./format";

const session35 = new Date("2018-03-07T00:00:00Z");

describe("formatDate", () => {
  it("gives the Gregorian date and its Umm al-Qura Hijri equivalent in English", () => {
    expect(formatDate(session35, "en")).toEqual({
      gregorian: "March 7, 2018",
      hijri: "Jumada II 19, 1439 AH",
      iso: "2018-03-07",
    });
  });

  it("writes both calendars in Arabic", () => {
    const { gregorian, hijri } = formatDate(session35, "ar");
    expect(gregorian).toContain("مارس");
    expect(gregorian).toContain("2018");
    expect(hijri).toContain("جمادى الآخرة");
    expect(hijri).toContain("1439");
  });

  it("keeps calendar dates on their day whatever the hour in UTC", () => {
    expect(formatDate(new Date("2018-03-07T23:59:59Z"), "en").gregorian).toBe("March 7, 2018");
  });
});

describe("formatDateTime", () => {
  it("labels times as UTC", () => {
    expect(formatDateTime(new Date("2018-03-07T09:30:00Z"), "en").gregorian).toMatch(/9:30.*UTC$/);
  });
});

describe("formatFileSize", () => {
  it("gives kilobytes under a megabyte, megabytes above, in the locale's words", () => {
    expect(formatFileSize(1, "en")).toBe("1 kB");
    expect(formatFileSize(12_000, "en")).toBe("12 kB");
    expect(formatFileSize(1.5 * 1024 * 1024, "en")).toBe("1.5 MB");
    expect(formatFileSize(10 * 1024 * 1024, "en")).toBe("10 MB");
    expect(formatFileSize(12_000, "ar")).toContain("كيلوبايت");
    expect(formatFileSize(12_000, "ar")).not.toContain("kB");
  });
});

describe("formatPercent", () => {
  it("rounds to whole percents", () => {
    expect(formatPercent(2 / 3, "en")).toBe("67%");
  });
});

describe("kept results", () => {
  it("give each value, locale and kind its own text, the second time as the first", () => {
    const day = new Date("2024-05-01T00:00:00Z");
    for (let round = 0; round < 2; round++) {
      expect(formatDate(day, "en").gregorian).toBe("May 1, 2024");
      expect(formatDate(day, "ar").gregorian).not.toBe("May 1, 2024");
      expect(formatDateTime(day, "en").gregorian).toMatch(/^May 1, 2024.*UTC$/);
      expect(formatDate(new Date("2024-05-02T00:00:00Z"), "en").gregorian).toBe("May 2, 2024");
      expect(formatPercent(0.5, "en")).toBe("50%");
      expect(formatPercent(0.25, "en")).toBe("25%");
      expect(formatNumber(1234, "en")).toBe("1,234");
      expect(formatSigned(1, "en")).toBe("+1");
      expect(formatSigned(-0.333, "en")).toBe("-0.33");
    }
  });
});
