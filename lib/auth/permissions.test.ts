import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import {
  canAssess,
  canComment,
  canOpenPair,
  canManageUsers,
  canReadAllReportsOf,
  canReadAuditLog,
  canReadPairDetail,
  canReadReport,
  canReviewReports,
  canWriteComments,
  canSeeAggregate,
  canWriteReport,
  canWriteReports,
  readableVisibilities,
  requiresTwoFactor,
} from "./permissions";

const actor = (role: Actor["role"], countryCode: string | null = null): Actor => ({
  id: role,
  email: `${role}@x`,
  name: role,
  role,
  countryCode,
});
const qa = actor("DELEGATE", "QA");
const secretariat = actor("SECRETARIAT");
const admin = actor("ADMIN");
const observer = actor("OBSERVER");

describe("report reading", () => {
  it("lets a delegate read every report of its own country", () => {
    for (const visibility of ["RESTRICTED", "MEMBERS", "OBSERVERS"] as const) {
      expect(canReadReport(qa, { countryCode: "QA", visibility })).toBe(true);
    }
  });

  it("lets a delegate read another country's reports only when shared with members or observers", () => {
    expect(canReadReport(qa, { countryCode: "DZ", visibility: "RESTRICTED" })).toBe(false);
    expect(canReadReport(qa, { countryCode: "DZ", visibility: "MEMBERS" })).toBe(true);
    expect(canReadReport(qa, { countryCode: "DZ", visibility: "OBSERVERS" })).toBe(true);
  });

  it("lets observers read only what is published to observers", () => {
    expect(canReadReport(observer, { countryCode: "DZ", visibility: "RESTRICTED" })).toBe(false);
    expect(canReadReport(observer, { countryCode: "DZ", visibility: "MEMBERS" })).toBe(false);
    expect(canReadReport(observer, { countryCode: "DZ", visibility: "OBSERVERS" })).toBe(true);
    expect(readableVisibilities(observer)).toEqual(["OBSERVERS"]);
  });

  it("lets the secretariat and admins read everything", () => {
    for (const staff of [secretariat, admin]) {
      expect(canReadReport(staff, { countryCode: "DZ", visibility: "RESTRICTED" })).toBe(true);
      expect(canReadAllReportsOf(staff, "DZ")).toBe(true);
    }
    expect(canReadAllReportsOf(qa, "DZ")).toBe(false);
  });

  it("never treats a delegate without a country as any country's delegate", () => {
    const orphan = actor("DELEGATE", null);
    expect(canReadAllReportsOf(orphan, "QA")).toBe(false);
    expect(canWriteReport(orphan, "QA")).toBe(false);
  });
});

describe("the dashboard's details and aggregates", () => {
  it("shows a pair's detail exactly when its latest report may be read", () => {
    for (const who of [qa, secretariat, admin, observer]) {
      for (const visibility of ["RESTRICTED", "MEMBERS", "OBSERVERS"] as const) {
        for (const countryCode of ["QA", "DZ"]) {
          expect(canReadPairDetail(who, { countryCode, visibility })).toBe(canReadReport(who, { countryCode, visibility }));
        }
      }
    }
    expect(canReadPairDetail(observer, { countryCode: "DZ", visibility: null })).toBe(true);
  });

  it("withholds a roll-up resting on one or two withheld reports, not on none or three", () => {
    expect([0, 1, 2, 3, 4, 40].map(canSeeAggregate)).toEqual([true, false, false, true, true, true]);
  });
});

describe("writing", () => {
  it("lets only the country's own delegates write its reports — never the secretariat", () => {
    expect(canWriteReport(qa, "QA")).toBe(true);
    expect(canWriteReport(qa, "DZ")).toBe(false);
    for (const other of [secretariat, admin, observer]) expect(canWriteReport(other, "QA")).toBe(false);
  });

  it("keeps reviews and assessments for the secretariat and admins", () => {
    for (const [who, allowed] of [
      [qa, false],
      [observer, false],
      [secretariat, true],
      [admin, true],
    ] as const) {
      expect(canReviewReports(who)).toBe(allowed);
      expect(canAssess(who)).toBe(allowed);
    }
  });

  it("opens a pair's thread to its delegates and the secretariat only", () => {
    expect(canComment(qa, "QA")).toBe(true);
    expect(canComment(qa, "DZ")).toBe(false);
    expect(canComment(secretariat, "DZ")).toBe(true);
    expect(canComment(observer, "DZ")).toBe(false);
  });

  it("keeps user accounts and the audit log for admins", () => {
    expect(canManageUsers(admin)).toBe(true);
    expect(canManageUsers(secretariat)).toBe(false);
    expect(canReadAuditLog(admin)).toBe(true);
    expect(canReadAuditLog(secretariat)).toBe(false);
  });

  it("requires two-factor sign-in for admins and the secretariat only", () => {
    expect(["ADMIN", "SECRETARIAT", "DELEGATE", "OBSERVER"].filter((r) => requiresTwoFactor(r as Actor["role"]))).toEqual([
      "ADMIN",
      "SECRETARIAT",
    ]);
  });
});

describe("writing reports and comments", () => {
  it("lets only delegates with a country report at all, and only for their own country", () => {
    expect(canWriteReports(qa)).toBe(true);
    expect(canWriteReport(qa, "QA")).toBe(true);
    expect(canWriteReport(qa, "DZ")).toBe(false);
    for (const other of [secretariat, admin, observer, actor("DELEGATE", null)]) {
      expect(canWriteReports(other)).toBe(false);
      expect(canWriteReport(other, "QA")).toBe(false);
    }
  });

  it("lets delegates and the secretariat into threads, each delegate only into its own country's", () => {
    for (const allowed of [qa, secretariat, admin]) expect(canWriteComments(allowed)).toBe(true);
    expect(canWriteComments(observer)).toBe(false);
    expect(canComment(qa, "QA")).toBe(true);
    expect(canComment(qa, "DZ")).toBe(false);
    expect(canComment(observer, "DZ")).toBe(false);
    expect(canComment(secretariat, "DZ")).toBe(true);
  });
});

describe("opening a pair's page", () => {
  it("opens every pair of one's own country, or as staff, whatever is shown", () => {
    for (const shown of ["NO_REPORT", "WITHHELD", "LIMITED"] as const) {
      expect(canOpenPair(qa, "QA", shown)).toBe(true);
      expect(canOpenPair(secretariat, "DZ", shown)).toBe(true);
    }
  });

  it("opens another country's pair only where something of it is shown (the page is a 404 otherwise)", () => {
    expect(canOpenPair(qa, "DZ", "COMPLETE")).toBe(true);
    expect(canOpenPair(observer, "DZ", "NOT_APPLICABLE")).toBe(true);
    for (const shown of ["NO_REPORT", "WITHHELD"] as const) {
      expect(canOpenPair(qa, "DZ", shown)).toBe(false);
      expect(canOpenPair(observer, "QA", shown)).toBe(false);
    }
  });
});
