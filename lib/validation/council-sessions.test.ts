import { describe, expect, it } from "vitest";
import { z } from "zod";
import { KeywordsSchema } from "./themes";
import { HandOverSchema } from "./users";
import { CarryOverSchema, CommuniqueSchema, CreateCommitmentSchema, CreateSessionSchema, ImportCommitmentsSchema, WithdrawCommitmentSchema } from "./council-sessions";
import { CreateThemeSchema } from "./themes";
import { UserFilterSchema } from "./users";
import { CreateRoundSchema } from "./rounds";
import { AuditLogFilterSchema } from "./audit-log";

const errors = (result: { success: boolean; error?: z.ZodError }) => (result.error ? z.flattenError(result.error).fieldErrors : {});

const commitment = {
  sessionNumber: "36",
  code: "36/4",
  themeKey: "border-control",
  titleAr: "تعزيز الرقابة على الحدود",
  textAr: "تعزيز الرقابة على الحدود.",
};

describe("a commitment's form", () => {
  it("reads a due date, or a number of days before the next session — never both", () => {
    const dated = CreateCommitmentSchema.parse({ ...commitment, dueRule: "date", dueDate: "2027-03-01", dueDaysBeforeNextSession: "30" });
    expect(dated.commitment).toMatchObject({ dueDate: new Date("2027-03-01T00:00:00Z"), dueDaysBeforeNextSession: null });
    const relative = CreateCommitmentSchema.parse({ ...commitment, dueRule: "daysBefore", dueDate: "2027-03-01", dueDaysBeforeNextSession: "30" });
    expect(relative.commitment).toMatchObject({ dueDate: null, dueDaysBeforeNextSession: 30 });
    expect(CreateCommitmentSchema.parse({ ...commitment }).commitment).toMatchObject({ dueDate: null, dueDaysBeforeNextSession: null });
    expect(errors(CreateCommitmentSchema.safeParse({ ...commitment, dueRule: "date", dueDate: "" }))).toEqual({ dueDate: ["date.invalid"] });
    expect(errors(CreateCommitmentSchema.safeParse({ ...commitment, dueRule: "daysBefore", dueDaysBeforeNextSession: "0" }))).toHaveProperty("dueDaysBeforeNextSession");
    expect(errors(CreateCommitmentSchema.safeParse({ ...commitment, dueRule: "date", dueDate: "2027-02-30" }))).toHaveProperty("dueDate");
  });

  it("needs a title and a text in one language at least", () => {
    const english = CreateCommitmentSchema.safeParse({ ...commitment, titleAr: "", textAr: "", titleEn: "Border control", textEn: "Strengthen border control." });
    expect(english.success).toBe(true);
    expect(errors(CreateCommitmentSchema.safeParse({ ...commitment, titleAr: " ", textAr: "" }))).toEqual({
      titleAr: ["commitment.titleRequired"],
      textAr: ["commitment.textRequired"],
    });
  });

  it("links to an earlier commitment only with a kind of link", () => {
    expect(CreateCommitmentSchema.parse({ ...commitment, previousCode: "35/4", linkKind: "CONTINUES" }).commitment.previous).toEqual({ code: "35/4", linkKind: "CONTINUES" });
    expect(errors(CreateCommitmentSchema.safeParse({ ...commitment, previousCode: "35/4" }))).toEqual({ linkKind: ["commitment.linkKind"] });
    expect(CreateCommitmentSchema.parse({ ...commitment, previousCode: "", linkKind: "AMENDS" }).commitment.previous).toBeNull();
  });

  it("takes codes as session/position", () => {
    for (const code of ["36", "36/0", "036/1", "36/4/1", "x/1"]) {
      expect(errors(CreateCommitmentSchema.safeParse({ ...commitment, code })), code).toEqual({ code: ["commitment.code"] });
    }
  });
});

describe("a session's form", () => {
  const session = { number: "36", cityAr: "تونس", cityEn: "Tunis", titleAr: "الدورة 36", titleEn: "36th session", startsOn: "2019-03-06", communiqueAr: "نص" };
  it("needs the Arabic communiqué; the English one is optional", () => {
    expect(CreateSessionSchema.parse(session)).toMatchObject({ number: 36, communiqueEn: "", endsOn: null });
    expect(errors(CreateSessionSchema.safeParse({ ...session, communiqueAr: "" }))).toEqual({ communiqueAr: ["required"] });
  });
  it("refuses a session that closes before it opens", () => {
    expect(errors(CreateSessionSchema.safeParse({ ...session, endsOn: "2019-03-05" }))).toEqual({ endsOn: ["session.endsBeforeStart"] });
  });
});

describe("carry-over", () => {
  it("reads the ticked commitments from their checkbox names", () => {
    const a = "0192f7a0-0000-7000-8000-000000000001";
    const b = "0192f7a0-0000-7000-8000-000000000002";
    expect(CarryOverSchema.parse({ sessionNumber: "36", [`carry:${a}`]: "on", [`carry:${b}`]: "on", other: "x" })).toEqual({ sessionNumber: 36, commitmentIds: [a, b] });
    expect(CarryOverSchema.safeParse({ sessionNumber: "36" }).success).toBe(false);
    expect(CarryOverSchema.safeParse({ sessionNumber: "36", "carry:not-a-uuid": "on" }).success).toBe(false);
  });
});

describe("the importer's reviewed proposals", () => {
  it("are a JSON array of commitments", () => {
    const items = JSON.stringify([{ code: "36/1", themeKey: "drug-trafficking", titleAr: "المخدرات", textAr: "مواجهة تهريب المخدرات", sourceAr: "…" }]);
    expect(ImportCommitmentsSchema.parse({ sessionNumber: "36", items }).items[0]).toMatchObject({ code: "36/1", titleEn: "", textEn: "" });
    expect(errors(ImportCommitmentsSchema.safeParse({ sessionNumber: "36", items: "not json" }))).toEqual({ items: ["import.items"] });
    expect(errors(ImportCommitmentsSchema.safeParse({ sessionNumber: "36", items: "[]" }))).toEqual({ items: ["import.none"] });
  });
});

describe("theme keywords", () => {
  it("are one per line, trimmed, without repeats or blank lines", () => {
    expect(KeywordsSchema.parse("الحدود\r\n  border control \n\nالحدود\nالمنافذ ، المعابر")).toEqual(["الحدود", "border control", "المنافذ ، المعابر"]);
  });
});

describe("a round's form", () => {
  it("refuses a round that closes before it opens, and accepts one day", () => {
    expect(errors(CreateRoundSchema.safeParse({ sessionNumber: "35", name: "R", opensOn: "2026-03-02", closesOn: "2026-03-01" }))).toEqual({ closesOn: ["round.closesBeforeOpen"] });
    expect(CreateRoundSchema.safeParse({ sessionNumber: "35", name: "R", opensOn: "2026-03-01", closesOn: "2026-03-01" }).success).toBe(true);
  });
});

describe("a handover", () => {
  it("names an existing user or a new one, not both", () => {
    const id = "0192f7a0-0000-7000-8000-000000000001";
    expect(HandOverSchema.parse({ countryCode: "qa", newUserId: id })).toEqual({ countryCode: "QA", newDelegate: { userId: id }, deactivatePrevious: true });
    expect(HandOverSchema.parse({ countryCode: "QA", newEmail: "New@Example.org", newName: "New", keepPrevious: "on" })).toEqual({
      countryCode: "QA",
      newDelegate: { email: "new@example.org", name: "New" },
      deactivatePrevious: false,
    });
    expect(errors(HandOverSchema.safeParse({ countryCode: "QA", newUserId: id, newEmail: "a@b.org", newName: "x" }))).toEqual({ newUserId: ["handover.oneOf"] });
    expect(errors(HandOverSchema.safeParse({ countryCode: "QA" }))).toEqual({ newUserId: ["handover.oneOf"] });
  });
});

describe("the audit log's filters", () => {
  it("read dates and a cursor, and refuse a range that ends before it starts", () => {
    expect(AuditLogFilterSchema.parse({ from: "2026-01-01", before: "42", actor: "" })).toMatchObject({ from: new Date("2026-01-01T00:00:00Z"), before: 42n, actor: null });
    expect(AuditLogFilterSchema.safeParse({ from: "2026-02-01", to: "2026-01-01" }).success).toBe(false);
    expect(AuditLogFilterSchema.safeParse({ before: "1; DROP TABLE" }).success).toBe(false);
  });
});

// Counterexamples of the hostile-input property tests (tests/hostile): each reached PostgreSQL,
// which refused it with an error the user saw as "something went wrong".
describe("hostile input to the secretariat's forms", () => {
  const session = { number: "36", cityAr: "تونس", cityEn: "Tunis", titleAr: "الدورة 36", titleEn: "36th session", startsOn: "2019-03-06", communiqueAr: "نص" };

  it("refuses NUL, control characters and lone surrogates in every text", () => {
    const id = "0192f7a0-0000-7000-8000-000000000001";
    expect(errors(WithdrawCommitmentSchema.safeParse({ commitmentId: id, reason: "\u0000تعزيز الرقابة على الحدود" }))).toEqual({ reason: ["text.controlCharacters"] });
    expect(errors(CreateSessionSchema.safeParse({ ...session, titleEn: "\ud800" }))).toEqual({ titleEn: ["text.controlCharacters"] });
    expect(errors(CreateCommitmentSchema.safeParse({ ...commitment, textAr: "a\u0000" }))).toEqual({ textAr: ["text.controlCharacters"] });
    expect(errors(CommuniqueSchema.safeParse({ sessionNumber: "36", language: "en", text: "\u0000" }))).toEqual({ text: ["text.controlCharacters"] });
    expect(errors(CreateThemeSchema.safeParse({ key: "borders", nameAr: "\u0000", nameEn: "a\u0000b" }))).toEqual({
      nameAr: ["text.controlCharacters"],
      nameEn: ["text.controlCharacters"],
    });
    expect(errors(CreateThemeSchema.safeParse({ key: "borders", nameAr: "الحدود", nameEn: "Borders", keywords: "border\u0000" }))).toEqual({ keywords: ["text.controlCharacters"] });
    expect(errors(CreateRoundSchema.safeParse({ sessionNumber: "35", name: "R\u0007", opensOn: "2026-03-01", closesOn: "2026-03-01" }))).toEqual({ name: ["text.controlCharacters"] });
    expect(errors(HandOverSchema.safeParse({ countryCode: "QA", newEmail: "a@b.org", newName: "\u0000" }))).toEqual({ newName: ["text.controlCharacters"] });
  });

  it("takes a theme key only in a theme key's form (it is looked up as it is)", () => {
    expect(errors(CreateCommitmentSchema.safeParse({ ...commitment, themeKey: "border-control\u0000" }))).toEqual({ themeKey: ["theme.unknown"] });
  });

  it("takes dates between 1900 and 2999: PostgreSQL has no year 0, and 9999-12-31 has no next day", () => {
    expect(errors(CreateRoundSchema.safeParse({ sessionNumber: "35", name: "R", opensOn: "0000-01-01", closesOn: "2026-03-01" }))).toEqual({ opensOn: ["date.invalid"] });
    expect(errors(AuditLogFilterSchema.safeParse({ to: "9999-12-31" }))).toEqual({ to: ["date.invalid"] });
    expect(errors(CreateSessionSchema.safeParse({ ...session, startsOn: "1899-12-31" }))).toEqual({ startsOn: ["date.invalid"] });
    expect(CreateSessionSchema.safeParse({ ...session, startsOn: "1900-01-01", endsOn: "2999-12-31" }).success).toBe(true);
  });

  it("refuses filters PostgreSQL cannot take: NUL, and a cursor beyond its bigint", () => {
    expect(errors(AuditLogFilterSchema.safeParse({ targetId: "0195f0a4-3c2b-7d3e-8f00-1a2b3c4d5e6f\u0000" }))).toEqual({ targetId: ["text.controlCharacters"] });
    expect(errors(AuditLogFilterSchema.safeParse({ before: "9223372036854775808" }))).toEqual({ before: ["invalid"] });
    expect(AuditLogFilterSchema.parse({ before: "9223372036854775807" }).before).toBe(2n ** 63n - 1n);
    expect(errors(UserFilterSchema.safeParse({ q: "a\u0000" }))).toEqual({ q: ["text.controlCharacters"] });
  });
});
