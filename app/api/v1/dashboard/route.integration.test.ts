import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { apiRequest, noParams } from "@/tests/auth";
import { seedDashboardFixture, type DashboardFixture } from "@/tests/dashboard-fixture";
import { GET } from "./route";

let f: DashboardFixture;
beforeAll(async () => {
  f = await seedDashboardFixture();
});

const get = async (query: string, userId: string | null) => GET(await apiRequest(`/api/v1/dashboard${query}`, userId), noParams);
type Cell = { commitment: string; country: string; status: string; assessment: number | null; disagreement: boolean };
const csvRows = async (response: Response) => {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 byte-order mark
  return parse(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.slice(3)), { columns: true }) as Record<string, string>[];
};

describe("GET /api/v1/dashboard", () => {
  it("answers the session's matrix and roll-ups as JSON", async () => {
    const response = await get("?session=35", f.secretariat.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = await response.json();
    expect(body.session.number).toBe(35);
    expect(body.countries).toHaveLength(22);
    expect(body.commitments).toHaveLength(9);
    expect(body.cells).toHaveLength(9 * 22);
    expect(body.rollups.commitments["35/1"].reportedPairs).toBe(4);
    expect(body.cells.find((c: Cell) => c.commitment === "35/1" && c.country === "DZ")).toMatchObject({
      status: "COMPLETE",
      assessment: 0,
      disagreement: true,
      timeliness: "COMPLETED_LATE",
    });
  });

  it("answers the same cells as CSV: UTF-8 with a byte-order mark, Arabic names, one line per cell", async () => {
    const response = await get("?session=35&format=csv", f.secretariat.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain('filename="tanfeeth-session-35-dashboard.csv"');
    const rows = await csvRows(response);
    expect(rows).toHaveLength(9 * 22);
    const dz = rows.find((r) => r.commitment === "35/1" && r.country === "DZ")!;
    expect(dz).toMatchObject({ country_name_ar: "الجزائر", status: "COMPLETE", assessment: "0", disagreement: "true", timeliness: "COMPLETED_LATE" });
    expect(rows.find((r) => r.commitment === "35/2" && r.country === "QA")!.assessment).toBe("-1");
  });

  // Threat: a commitment title set by the secretariat (or pasted from a communiqué) running as
  // a spreadsheet formula on a delegate's machine when the export is opened. Text cells that
  // start with = + - @ (or a tab or carriage return) are neutralised with a leading quote.
  it("neutralises formulas in the CSV", async () => {
    const rows = await csvRows(await get("?session=35&format=csv&theme=online-extremism", f.secretariat.id));
    const row = rows.find((r) => r.commitment === "35/9")!;
    expect(row.commitment_title_ar).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(row.commitment_title_en).toBe("'+Counter online recruitment, -fast");
  });

  // Threat: a member state's restricted report (status, assessment) reaching another member
  // state or an observer through the JSON or CSV export, or through a filter that selects on it.
  // Withheld cells show WITHHELD with no detail, and never match a status or disagreement filter.
  describe("visibility", () => {
    it("withholds in the JSON what the page withholds", async () => {
      const body = await (await get("?session=35", f.observer.id)).json();
      const dz = body.cells.find((c: Cell) => c.commitment === "35/1" && c.country === "DZ");
      expect(dz).toMatchObject({ status: "WITHHELD", assessment: null, disagreement: false, timeliness: null, version: null });
      expect(body.rollups.commitments["35/1"]).toMatchObject({ withheld: true, completion: null, assessmentAverage: null });
      expect(JSON.stringify(body.cells.filter((c: Cell) => c.country === "QA" && c.commitment === "35/2"))).not.toContain("LIMITED");
    });

    it("withholds in the CSV what the page withholds", async () => {
      const rows = await csvRows(await get("?session=35&format=csv", f.observer.id));
      expect(rows.find((r) => r.commitment === "35/2" && r.country === "QA")).toMatchObject({ status: "WITHHELD", assessment: "", disagreement: "false" });
      expect(rows.find((r) => r.commitment === "35/1" && r.country === "QA")).toMatchObject({ status: "COMPLETE", assessment: "1" });
      const own = await csvRows(await get("?session=35&format=csv", f.delegates.QA!.id));
      expect(own.find((r) => r.commitment === "35/2" && r.country === "QA")).toMatchObject({ status: "LIMITED", assessment: "-1", disagreement: "true" });
    });

    it("never selects a withheld cell by its status or disagreement", async () => {
      const complete = (await (await get("?session=35&status=COMPLETE", f.observer.id)).json()).cells.map((c: Cell) => `${c.commitment} ${c.country}`);
      expect(complete).toEqual(["35/1 QA", "35/8 QA"]);
      const rows = await csvRows(await get("?session=35&format=csv&disagreements=1", f.delegates.DZ!.id));
      expect(rows.map((r) => `${r.commitment} ${r.country}`)).toEqual(["35/1 DZ", "35/8 QA"]);
    });
  });

  it("applies the page's filters", async () => {
    const body = await (await get("?session=35&theme=online-extremism&country=qa&status=COMPLETE", f.secretariat.id)).json();
    expect(body.filters).toEqual({ theme: "online-extremism", country: "QA", status: "COMPLETE", disagreements: false, overdue: false });
    expect(body.countries.map((c: { code: string }) => c.code)).toEqual(["QA"]);
    expect(body.cells.map((c: Cell) => `${c.commitment} ${c.country}`)).toEqual(["35/1 QA"]);
  });

  it("answers 401 signed out", async () => {
    expect((await get("?session=35", null)).status).toBe(401);
    expect((await get("?session=35&format=csv", null)).status).toBe(401);
  });

  it.each(["?session=abc", "?session=0", "?format=xml", "?status=DONE", "?country=QAT", "?overdue=maybe", "?theme=no-such-theme", "?country=XX"])(
    "answers 400 JSON for %s",
    async (query) => {
      const response = await get(query, f.observer.id);
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe("bad_request");
    },
  );

  it("answers 404 for an unknown session", async () => {
    expect((await get("?session=99", f.observer.id)).status).toBe(404);
  });
});
