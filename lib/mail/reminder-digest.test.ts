import { describe, expect, it } from "vitest";
import { reminderDigestMail } from "./reminder-digest";

describe("the reminder digest e-mail", () => {
  const mail = reminderDigestMail({
    recipientName: "Delegate QA",
    country: { nameAr: "قطر", nameEn: "Qatar" },
    rounds: [{ name: "Spring 2026", sessionNumber: 35, closesOn: new Date("2026-03-31T00:00:00Z") }],
    commitments: [
      { code: "35/2", titleAr: "الجريمة المنظمة", titleEn: "Organised crime" },
      { code: "36/1", titleAr: "عنوان عربي فقط", titleEn: "" },
    ],
    baseUrl: "https://tanfeeth.example.org",
  });

  it("says it in Arabic first, then in English", () => {
    expect(mail.text.indexOf("قطر")).toBeLessThan(mail.text.indexOf("Qatar"));
    expect(mail.text).toContain("- 35/2: الجريمة المنظمة");
    expect(mail.text).toContain("- 35/2: Organised crime");
    expect(mail.subject).toBe("تذكير: التزامان بلا تقرير — Reminder: 2 commitments without a report");
  });

  it("gives the closing date in the Gregorian and the Hijri calendar", () => {
    expect(mail.text).toContain("March 31, 2026");
    expect(mail.text).toMatch(/Shawwal 12, 1447 AH|1447 AH/);
    expect(mail.text).toContain("هـ");
  });

  // Threat: a user or round name typed with a bidi override (U+202E) or in the other script
  // reordering the e-mail's sentence around it, so that the reminder misstates which round
  // closes when, or to whom it is addressed.
  it("isolates the names users typed from the sentences around them", () => {
    expect(mail.text).toContain("Dear \u2068Delegate QA\u2069,");
    expect(mail.text).toContain("• \u2068Spring 2026\u2069 (session 35)");
  });

  it("falls back to the other language when a title is not translated, and links to the app", () => {
    expect(mail.text).toContain("- 36/1: عنوان عربي فقط\n");
    expect(mail.text.split("- 36/1: عنوان عربي فقط")).toHaveLength(3);
    expect(mail.text).toContain("https://tanfeeth.example.org/en");
  });

  it("counts in each language's plural forms", () => {
    const subject = (count: number) =>
      reminderDigestMail({
        recipientName: "x",
        country: { nameAr: "قطر", nameEn: "Qatar" },
        rounds: [],
        commitments: Array.from({ length: count }, (_, i) => ({ code: `35/${i + 1}`, titleAr: "ع", titleEn: "e" })),
      }).subject;
    expect(subject(1)).toBe("تذكير: التزام واحد بلا تقرير — Reminder: 1 commitment without a report");
    expect(subject(3)).toContain("3 التزامات");
    expect(subject(11)).toContain("11 التزامًا");
  });
});
