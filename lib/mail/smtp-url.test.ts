import { describe, expect, it } from "vitest";
import { redactSmtpUrl, SmtpUrlSchema } from "./smtp-url";

describe("SMTP_URL", () => {
  it.each(["smtp://user:pass@mail.example.org:587", "smtps://mail.example.org:465", "smtp://127.0.0.1:2525"])("accepts %s", (url) => {
    expect(SmtpUrlSchema.parse(url)).toBe(url);
  });

  it("treats unset and empty as no e-mail", () => {
    expect(SmtpUrlSchema.parse(undefined)).toBeUndefined();
    expect(SmtpUrlSchema.parse("")).toBeUndefined();
  });

  it.each(["http://mail.example.org", "mail.example.org:587", "smtp://", "postgres://x@y/z"])("refuses %s", (url) => {
    expect(SmtpUrlSchema.safeParse(url).success).toBe(false);
  });

  it("hides the password in logs", () => {
    expect(redactSmtpUrl("smtp://user:secret@mail.example.org:587")).toBe("smtp://user:***@mail.example.org:587");
  });
});
