import { describe, expect, it } from "vitest";
import { twoFactorRemovedMail } from "./two-factor-removed";

describe("the e-mail telling a user their authenticator was removed", () => {
  const at = new Date("2026-11-30T09:15:00Z");

  it("says who removed it and when, in Arabic first, then in English", () => {
    const mail = twoFactorRemovedMail({ recipientName: "Officer", adminName: "مدير النظام", at, withLink: true });
    expect(mail.subject).toBe("أُزيل تطبيق المصادقة من حسابك في تنفيذ — The authenticator of your Tanfeeth account was removed");
    expect(mail.text.indexOf("أزال مسؤول")).toBeLessThan(mail.text.indexOf("an administrator"));
    expect(mail.text).toContain("an administrator (\u2068مدير النظام\u2069)");
    expect(mail.text).toContain("November 30, 2026");
    expect(mail.text).toContain("1448 AH");
    expect(mail.text).toContain("If you did not ask for this, tell the secretariat at once.");
  });

  it("tells a user with a set-password link to expect it, and the others to sign in with their password", () => {
    const withLink = twoFactorRemovedMail({ recipientName: "Officer", adminName: "Admin", at, withLink: true }).text;
    const without = twoFactorRemovedMail({ recipientName: "Delegate", adminName: "Admin", at, withLink: false }).text;
    expect(withLink).toContain("will send you a one-time link");
    expect(withLink).not.toContain("sign in with your password");
    expect(without).toContain("You can sign in with your password");
    expect(without).not.toContain("one-time link");
  });
});
