import { describe, expect, it } from "vitest";
import { dashboardSearch, parseDashboardQuery } from "./dashboard";

describe("the dashboard's filters in the URL", () => {
  it("reads every filter, normalising the country code", () => {
    const { query, invalid } = parseDashboardQuery(
      new URLSearchParams("session=35&theme=drug-trafficking&country=qa&status=NO_REPORT&disagreements=1&overdue=on"),
    );
    expect(invalid).toEqual([]);
    expect(query).toEqual({ session: 35, theme: "drug-trafficking", country: "QA", status: "NO_REPORT", disagreements: true, overdue: true });
  });

  it("treats the empty choices of a GET form as no filter", () => {
    expect(parseDashboardQuery({ session: "", theme: "", country: "", status: "" })).toEqual({
      query: { disagreements: false, overdue: false },
      invalid: [],
    });
  });

  it("names each invalid field and leaves it out", () => {
    const { query, invalid } = parseDashboardQuery(new URLSearchParams("session=abc&country=QAT&status=DONE&overdue=maybe&theme=Drug Trafficking"));
    expect(invalid.sort()).toEqual(["country", "overdue", "session", "status", "theme"]);
    expect(query).toEqual({ disagreements: false, overdue: false });
  });

  it("takes the first of repeated values from a page's search params", () => {
    expect(parseDashboardQuery({ country: ["dz", "qa"] }).query.country).toBe("DZ");
  });

  it("writes a view back as a query string, leaving out the defaults", () => {
    expect(dashboardSearch({ session: 35, country: "QA", disagreements: false, overdue: true }, { format: "csv" })).toBe(
      "?session=35&country=QA&overdue=1&format=csv",
    );
    expect(dashboardSearch({})).toBe("");
    const round = parseDashboardQuery(new URLSearchParams(dashboardSearch({ session: 7, status: "COMPLETE", disagreements: true }).slice(1)));
    expect(round.query).toEqual({ session: 7, status: "COMPLETE", disagreements: true, overdue: false });
  });
});
