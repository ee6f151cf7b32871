import { describe, expect, it } from "vitest";
import { EmailSchema, NewPasswordSchema } from "./password";

const problems = (password: string) => {
  const result = NewPasswordSchema.safeParse(password);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe("password rules", () => {
  it("asks for 12 to 128 characters and nothing else (no composition rules)", () => {
    expect(problems("a".repeat(11).replace(/a$/, "b"))).toEqual(["password.tooShort"]);
    expect(problems("correct horse battery")).toEqual([]);
    expect(problems("لا إله إلا الشمس المشرقة")).toEqual([]);
    expect(problems("x".repeat(128).replace(/^x/, "y"))).toEqual([]);
    expect(problems("x".repeat(129))).toContain("password.tooLong");
  });

  it("refuses common passwords, whatever their case", () => {
    expect(problems("qwerty123456")).toEqual(["password.common"]);
    expect(problems("QWERTY123456")).toEqual(["password.common"]);
    expect(problems("Password1234")).toEqual(["password.common"]);
  });
});

describe("e-mail addresses", () => {
  it("are trimmed and lower-cased, so that they are unique whatever the case", () => {
    expect(EmailSchema.parse("  Delegate.QA@Demo.Tanfeeth.org ")).toBe("delegate.qa@demo.tanfeeth.org");
    expect(EmailSchema.safeParse("not an address").success).toBe(false);
  });
});
