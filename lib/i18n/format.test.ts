import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatPercent } from "./format";

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

describe("formatPercent", () => {
  it("rounds to whole percents", () => {
    expect(formatPercent(2 / 3, "en")).toBe("67%");
  });
});
