import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { disagrees, scoreAsPercentage } from "@/lib/assessment-scale";
import type { Actor } from "@/lib/auth/actor";
import { canReadReport } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { COMPLETION, STATUSES } from "@/lib/status-scale";
import { parseDashboardQuery } from "@/lib/validation/dashboard";
import { AS_OF, seedDashboardFixture, type DashboardFixture } from "@/tests/dashboard-fixture";
import { getDashboard, type DashboardView, type Figures, type MatrixCell } from "./dashboard";
import { listRecentActivity } from "./dashboard-activity";
import { completionSql, disagreesSql, readableSql } from "./dashboard-sql";
import { getStatusTrend } from "./dashboard-trend";

let f: DashboardFixture;
beforeAll(async () => {
  f = await seedDashboardFixture();
});

const view = (actor: Actor, search = "session=35") =>
  getDashboard(actor, parseDashboardQuery(new URLSearchParams(search)).query, { asOf: AS_OF });
const cell = (v: DashboardView, commitment: string, country: string): MatrixCell | undefined =>
  v.cells.find((c) => c.commitment === commitment && c.country === country);
const close = (actual: number | null, expected: number) => expect(actual).toBeCloseTo(expected, 10);

describe("the SQL mirrors of the shared rules", () => {
  it("flags disagreement exactly as lib/assessment-scale.ts does, for every status and score", async () => {
    const rows = await db.$queryRaw<{ status: string | null; score: number | null; flag: boolean }[]>`
      SELECT s AS status, v AS score, ${disagreesSql(Prisma.sql`s`, Prisma.sql`v`)} AS flag
      FROM unnest(${[...STATUSES, null]}::text[]) s CROSS JOIN unnest(ARRAY[-1, 0, 1, NULL]::int[]) v`;
    expect(rows).toHaveLength(24);
    for (const row of rows) expect(row.flag, `${row.status} ${row.score}`).toBe(disagrees(row.status as never, row.score));
  });

  it("weighs completion exactly as lib/status-scale.ts does", async () => {
    const rows = await db.$queryRaw<{ status: string; weight: number | null }[]>`
      SELECT s AS status, ${completionSql(Prisma.sql`s`)} AS weight FROM unnest(${[...STATUSES]}::text[]) s`;
    for (const row of rows) expect(row.weight).toBe(COMPLETION[row.status as keyof typeof COMPLETION]);
  });

  it("lets each role read exactly the reports canReadReport allows", async () => {
    const actors = [f.secretariat, f.observer, f.delegates.QA!, { ...f.observer, role: "ADMIN" as const }];
    for (const actor of actors) {
      const rows = await db.$queryRaw<{ country: string; visibility: string; readable: boolean }[]>`
        SELECT k AS country, v AS visibility, ${readableSql(actor, Prisma.sql`k`, Prisma.sql`v`)} AS readable
        FROM unnest(ARRAY['QA', 'DZ']) k CROSS JOIN unnest(ARRAY['RESTRICTED', 'MEMBERS', 'OBSERVERS']) v`;
      for (const row of rows) {
        expect(row.readable, `${actor.role} ${row.country} ${row.visibility}`).toBe(
          canReadReport(actor, { countryCode: row.country, visibility: row.visibility as never }),
        );
      }
    }
  });
});

describe("roll-ups, as the secretariat (every report readable)", () => {
  let v: DashboardView;
  beforeAll(async () => {
    v = await view(f.secretariat);
  });

  it("covers the session's commitments grouped by theme, the withdrawn one included, and 22 member states", () => {
    expect(v.session.number).toBe(35);
    expect(v.commitments.map((c) => c.code)).toEqual(["35/1", "35/9", "35/2", "35/3", "35/4", "35/5", "35/6", "35/7", "35/8"]);
    expect(v.commitments.find((c) => c.code === "35/8")!.withdrawn).toBe(true);
    expect(v.commitments.find((c) => c.code === "35/4")!.dueOn).toBe("2026-08-02");
    expect(v.columns).toHaveLength(22);
    expect(v.cells).toHaveLength(9 * 22);
  });

  it("per commitment: completion leaves NOT_APPLICABLE out, counts every pair for reporting, judges timeliness", () => {
    const c1 = v.rollups.commitments["35/1"]!;
    expect(c1).toMatchObject<Partial<Figures>>({
      pairs: 22,
      reportedPairs: 4,
      withheld: false,
      assessedPairs: 3,
      disagreements: 1,
      statusCounts: { NOT_STARTED: 0, LIMITED: 0, SUBSTANTIAL: 1, COMPLETE: 2, NOT_APPLICABLE: 1, NO_REPORT: 18 },
      // MA (substantial) and the 18 member states without a report are overdue; EG (not applicable) is left out.
      timeliness: { onTrack: 0, overdue: 19, completedOnTime: 1, completedLate: 1 },
    });
    close(c1.reportingRate, 4 / 22);
    close(c1.completion, (1 + 1 + 2 / 3) / 3);
    close(c1.assessmentAverage, 1 / 3);
    close(c1.assessmentPercent, scoreAsPercentage(1 / 3));
    close(c1.assessmentPercent, 200 / 3);

    const c2 = v.rollups.commitments["35/2"]!;
    close(c2.completion, 1 / 3);
    expect(c2).toMatchObject({ assessmentAverage: -1, assessmentPercent: 0, disagreements: 1 });
    expect(c2.timeliness).toEqual({ onTrack: 22, overdue: 0, completedOnTime: 0, completedLate: 0 });

    expect(v.rollups.commitments["35/3"]).toMatchObject({ completion: 0, timeliness: { onTrack: 0, overdue: 0, completedOnTime: 0, completedLate: 0 } });
    // Due 30 days before the next session opens: on track, with no report at all.
    expect(v.rollups.commitments["35/4"]).toMatchObject({ reportedPairs: 0, completion: null, assessmentAverage: null, timeliness: { onTrack: 22 } });
    const c5 = v.rollups.commitments["35/5"]!;
    close(c5.completion, 3 / 5);
    close(c5.assessmentAverage, 1 / 3);
    expect(c5.disagreements).toBe(1);
  });

  it("leaves the withdrawn commitment out of every roll-up", () => {
    expect(v.rollups.commitments["35/8"]).toBeUndefined();
    expect(v.rollups.session.pairs).toBe(8 * 22);
    expect(v.rollups.countries.QA!.pairs).toBe(8);
    expect(v.rollups.countries.QA!.reportedPairs).toBe(2);
  });

  it("per member state", () => {
    const qa = v.rollups.countries.QA!;
    close(qa.completion, 2 / 3);
    expect(qa).toMatchObject({ assessedPairs: 2, assessmentAverage: 0, assessmentPercent: 50, disagreements: 1 });
    expect(qa.timeliness).toEqual({ onTrack: 2, overdue: 0, completedOnTime: 1, completedLate: 0 });
    const dz = v.rollups.countries.DZ!;
    close(dz.completion, (1 + 0 + 2 / 3) / 3);
    expect(dz.timeliness).toEqual({ onTrack: 2, overdue: 0, completedOnTime: 0, completedLate: 1 });
    expect(v.rollups.countries.BH).toMatchObject({ reportedPairs: 0, reportingRate: 0, completion: null, timeliness: { overdue: 1, onTrack: 2 } });
  });

  it("per theme and for the whole session", () => {
    const theme = v.rollups.themes["online-extremism"]!;
    expect(theme).toMatchObject({ pairs: 44, reportedPairs: 5 });
    close(theme.completion, (1 + 1 + 2 / 3 + 2 / 3) / 4);
    const session = v.rollups.session;
    expect(session).toMatchObject({
      pairs: 176,
      reportedPairs: 12,
      assessedPairs: 7,
      disagreements: 3,
      timeliness: { onTrack: 44, overdue: 19, completedOnTime: 1, completedLate: 1 },
    });
    close(session.completion, 20 / 33);
    close(session.assessmentAverage, 1 / 7);
  });

  it("shows each cell's status, assessment, disagreement and timeliness — and no report where there is none", () => {
    expect(cell(v, "35/1", "DZ")).toMatchObject({ status: "COMPLETE", assessment: 0, disagreement: true, timeliness: "COMPLETED_LATE", version: 2 });
    expect(cell(v, "35/1", "QA")).toMatchObject({ status: "COMPLETE", assessment: 1, disagreement: false, timeliness: "COMPLETED_ON_TIME" });
    expect(cell(v, "35/1", "EG")).toMatchObject({ status: "NOT_APPLICABLE", timeliness: null });
    expect(cell(v, "35/1", "BH")).toMatchObject({ status: "NO_REPORT", assessment: null, timeliness: "OVERDUE", reportedAt: null });
    expect(cell(v, "35/2", "QA")).toMatchObject({ status: "LIMITED", reviewState: "RETURNED" });
    expect(cell(v, "35/8", "QA")).toMatchObject({ status: "COMPLETE", withdrawn: true, timeliness: null });
  });
});

describe("visibility: aggregates count every report, details follow the latest report", () => {
  it("withholds an observer's view of cells not published to observers, with their assessments", async () => {
    const v = await view(f.observer);
    expect(cell(v, "35/1", "QA")).toMatchObject({ status: "COMPLETE", assessment: 1 });
    expect(cell(v, "35/1", "MA")).toMatchObject({ status: "SUBSTANTIAL", assessment: 0 });
    // Version and review state stay between the country and the secretariat.
    expect(cell(v, "35/1", "QA")).toMatchObject({ version: null, reviewState: null });
    expect(cell(await view(f.delegates.QA!), "35/1", "QA")?.version).not.toBeNull();
    for (const [commitment, country] of [["35/1", "DZ"], ["35/1", "EG"], ["35/2", "QA"], ["35/3", "DZ"], ["35/5", "SA"]]) {
      expect(cell(v, commitment!, country!), `${commitment} ${country}`).toEqual({
        commitment,
        country,
        status: "WITHHELD",
        assessment: null,
        disagreement: false,
        timeliness: null,
        reportedAt: null,
        version: null,
        reviewState: null,
        withdrawn: false,
      });
    }
  });

  it("withholds a roll-up resting on one or two withheld reports, and shows those resting on none or more", async () => {
    const secretariat = (await view(f.secretariat)).rollups;
    const observer = (await view(f.observer)).rollups;
    // 35/1: DZ (members) and EG (restricted) are withheld from observers.
    expect(observer.commitments["35/1"]).toMatchObject({ withheld: true, completion: null, statusCounts: null, assessmentAverage: null, timeliness: null, disagreements: null });
    expect(observer.commitments["35/1"]!.reportingRate).toBe(secretariat.commitments["35/1"]!.reportingRate);
    // 35/2: only Qatar reported, restricted — its status must not be read off the roll-up.
    expect(observer.commitments["35/2"]!.withheld).toBe(true);
    // 35/5: five withheld reports — an aggregate, shown, counting them all.
    expect(observer.commitments["35/5"]).toEqual(secretariat.commitments["35/5"]);
    expect(observer.session).toEqual(secretariat.session);
    expect(observer.countries.QA!.withheld).toBe(true);
  });

  it("lets a delegate see its own country's detail and figures, and other countries' shared ones", async () => {
    const v = await view(f.delegates.QA!);
    expect(cell(v, "35/2", "QA")).toMatchObject({ status: "LIMITED", assessment: -1, disagreement: true });
    expect(cell(v, "35/1", "DZ")).toMatchObject({ status: "COMPLETE" }); // shared with members
    expect(cell(v, "35/1", "EG")!.status).toBe("WITHHELD");
    expect(v.rollups.countries.QA!.withheld).toBe(false);
    expect(v.rollups.commitments["35/2"]!.withheld).toBe(false);
    expect(v.rollups.commitments["35/1"]!.withheld).toBe(true); // EG alone is withheld

    const dz = await view(f.delegates.DZ!);
    expect(cell(dz, "35/2", "QA")!.status).toBe("WITHHELD");
    expect(dz.rollups.countries.QA!.withheld).toBe(true);
  });
});

describe("filters", () => {
  const pairs = (v: DashboardView) => v.cells.map((c) => `${c.commitment} ${c.country}`);

  it("narrows rows by theme and columns by member state, and computes the roll-ups over what is in view", async () => {
    const v = await view(f.secretariat, "session=35&theme=online-extremism&country=qa");
    expect(v.commitments.map((c) => c.code)).toEqual(["35/1", "35/9"]);
    expect(v.columns.map((c) => c.code)).toEqual(["QA"]);
    expect(pairs(v)).toEqual(["35/1 QA", "35/9 QA"]);
    expect(v.rollups.commitments["35/1"]).toMatchObject({ pairs: 1, reportedPairs: 1, completion: 1 });
    expect(v.rollups.session.pairs).toBe(2);
  });

  it("keeps a narrowed roll-up from showing a withheld cell", async () => {
    const v = await view(f.observer, "session=35&country=DZ");
    expect(v.rollups.commitments["35/1"]).toMatchObject({ pairs: 1, withheld: true, completion: null });
    expect(v.rollups.commitments["35/9"]).toMatchObject({ withheld: false });
    close(v.rollups.commitments["35/9"]!.completion, 2 / 3);
  });

  it("selects cells by status on what the viewer sees, never on a withheld status", async () => {
    expect(pairs(await view(f.secretariat, "session=35&status=COMPLETE"))).toEqual(["35/1 QA", "35/1 DZ", "35/5 SA", "35/5 OM", "35/8 QA"].sort(byMatrix));
    expect(pairs(await view(f.observer, "session=35&status=COMPLETE"))).toEqual(["35/1 QA", "35/8 QA"]);
    expect(pairs(await view(f.observer, "session=35&status=NO_REPORT&theme=returning-foreign-fighters"))).toHaveLength(22);
  });

  it("shows disagreements only", async () => {
    expect(pairs(await view(f.secretariat, "session=35&disagreements=1"))).toEqual(["35/1 DZ", "35/2 QA", "35/5 OM", "35/8 QA"].sort(byMatrix));
    expect(pairs(await view(f.observer, "session=35&disagreements=1"))).toEqual(["35/8 QA"]);
  });

  it("shows overdue pairs only — reported or not", async () => {
    const overdue = await view(f.secretariat, "session=35&overdue=1");
    expect(overdue.cells).toHaveLength(19);
    expect(overdue.cells.every((c) => c.commitment === "35/1" && c.timeliness === "OVERDUE")).toBe(true);
    expect(pairs(overdue)).toContain("35/1 MA");
    // Roll-ups stay those of the rows and columns in view.
    expect(overdue.rollups.session.pairs).toBe(176);
  });

  it("refuses an unknown theme or member state, and answers not found for an unknown session", async () => {
    await expect(view(f.secretariat, "session=35&theme=no-such-theme")).rejects.toBeInstanceOf(InvalidInputError);
    await expect(view(f.secretariat, "session=35&country=XX")).rejects.toBeInstanceOf(InvalidInputError);
    await expect(view(f.secretariat, "session=99")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("answers an empty view for a theme the session has no commitment of", async () => {
    const v = await view(f.secretariat, "session=36&theme=drug-trafficking");
    expect(v.commitments).toEqual([]);
    expect(v.cells).toEqual([]);
    expect(v.themes).toHaveLength(8);
  });

  it("defaults to the latest session", async () => {
    const latest = await getDashboard(f.observer, parseDashboardQuery(new URLSearchParams()).query);
    expect(latest.session.number).toBe(36);
    expect(latest.commitments).toEqual([]);
    expect(latest.cells).toEqual([]);
    expect(latest.rollups.session.pairs).toBe(0);
  });
});

const ORDER = ["35/1", "35/9", "35/2", "35/3", "35/4", "35/5", "35/6", "35/7", "35/8"];
const COLUMNS = ["JO", "AE", "BH", "TN", "DZ", "DJ", "SA", "SD", "SY", "SO", "IQ", "OM", "PS", "QA", "KM", "KW", "LB", "LY", "EG", "MA", "MR", "YE"];
function byMatrix(a: string, b: string) {
  const [ca, ka] = a.split(" ");
  const [cb, kb] = b.split(" ");
  return ORDER.indexOf(ca!) - ORDER.indexOf(cb!) || COLUMNS.indexOf(ka!) - COLUMNS.indexOf(kb!);
}

describe("trend", () => {
  const trendOf = (actor: Actor, search: string) =>
    getStatusTrend(actor, parseDashboardQuery(new URLSearchParams(search)).query, { asOf: AS_OF });

  it("counts the pairs at each status at the end of every month, from the status changes", async () => {
    const trend = await trendOf(f.secretariat, "session=35&theme=online-extremism");
    expect(trend.pairs).toBe(44);
    const byMonth = Object.fromEntries(trend.months.map((m) => [m.month, m.counts]));
    expect(trend.months.map((m) => m.month)).toEqual([
      "2025-06-01", "2025-07-01", "2025-08-01", "2025-09-01", "2025-10-01", "2025-11-01", "2025-12-01",
      "2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01",
    ]);
    expect(byMonth["2025-06-01"]).toEqual({ NOT_STARTED: 0, LIMITED: 1, SUBSTANTIAL: 0, COMPLETE: 0, NOT_APPLICABLE: 0, NO_REPORT: 43 });
    expect(byMonth["2025-09-01"]).toEqual({ NOT_STARTED: 0, LIMITED: 1, SUBSTANTIAL: 1, COMPLETE: 0, NOT_APPLICABLE: 1, NO_REPORT: 41 });
    expect(byMonth["2025-12-01"]).toMatchObject({ LIMITED: 1, COMPLETE: 1 });
    expect(byMonth["2026-02-01"]).toMatchObject({ LIMITED: 0, SUBSTANTIAL: 1, COMPLETE: 2, NOT_APPLICABLE: 1 });
    expect(byMonth["2026-06-01"]).toEqual({ NOT_STARTED: 0, LIMITED: 0, SUBSTANTIAL: 2, COMPLETE: 2, NOT_APPLICABLE: 1, NO_REPORT: 39 });
  });

  it("ends where the matrix is: the last month is the current status of every pair", async () => {
    const trend = await trendOf(f.secretariat, "session=35");
    const current = (await view(f.secretariat)).rollups.session.statusCounts;
    expect(trend.months.at(-1)!.counts).toEqual(current);
  });

  it("withholds months resting on one or two withheld reports", async () => {
    const observer = await trendOf(f.observer, "session=35&theme=online-extremism");
    expect(observer.months.every((m) => m.counts === null)).toBe(true);
    const qa = await trendOf(f.delegates.QA!, "session=35&theme=online-extremism");
    expect(qa.months[0]!.counts).not.toBeNull(); // June 2025: DZ's limited, shared with members
    expect(qa.months[1]!.counts).toBeNull(); // from July, EG's restricted report
  });
});

describe("an empty view", () => {
  it("has a trend without months when nothing is in view", async () => {
    expect(await getStatusTrend(f.secretariat, { session: 36, disagreements: false, overdue: false })).toEqual({ pairs: 0, months: [] });
    expect(await getStatusTrend(f.secretariat, { session: 35, theme: "returning-foreign-fighters", disagreements: false, overdue: false }, { asOf: AS_OF })).toEqual({ pairs: 22, months: [] });
    expect(await listRecentActivity(f.secretariat, { session: 36, disagreements: false, overdue: false })).toEqual([]);
  });
});

describe("recent activity", () => {
  const activity = async (actor: Actor) =>
    (await listRecentActivity(actor, { session: 35, disagreements: false, overdue: false }, { limit: 50 })).map(
      (item) => `${item.kind} ${item.commitment} ${item.country}`,
    );

  it("lists the latest reports, reviews and assessments, newest first", async () => {
    const items = await listRecentActivity(f.secretariat, { session: 35, disagreements: false, overdue: false }, { limit: 3 });
    expect(items.map((i) => `${i.kind} ${i.commitment} ${i.country}`)).toEqual(["report 35/9 DZ", "report 35/3 DZ", "assessment 35/2 QA"]);
    expect(items[2]).toMatchObject({ kind: "assessment", score: -1 });
  });

  it("lists for each viewer only what it may read", async () => {
    const observer = await activity(f.observer);
    expect(observer).toContain("report 35/1 QA");
    // Reviews stay between the country and the secretariat, as on the pair page.
    expect(observer).not.toContain("review 35/1 MA");
    expect(observer).toContain("assessment 35/1 MA");
    for (const hidden of ["report 35/1 DZ", "assessment 35/1 DZ", "report 35/2 QA", "review 35/2 QA", "assessment 35/2 QA", "report 35/5 SA"]) {
      expect(observer).not.toContain(hidden);
    }
    const qa = await activity(f.delegates.QA!);
    expect(qa).toEqual(expect.arrayContaining(["report 35/2 QA", "review 35/2 QA", "assessment 35/2 QA", "report 35/1 DZ"]));
    expect(qa).not.toContain("report 35/5 SA");
    expect(await activity(f.delegates.DZ!)).not.toContain("review 35/2 QA");
  });
});
