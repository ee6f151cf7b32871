import type { ReportStatus } from "@/generated/prisma/enums";
import { disagrees } from "@/lib/assessment-scale";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDashboardData } from "./generate";
import { explainSqlFloor, sqlFloor, timeSqlFloor, type MatrixRow, type RollupRow } from "./sql-floor";

const AS_OF = "2025-06-30";
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });

beforeAll(async () => {
  await generateDashboardData(process.env.DATABASE_URL!, { reports: 3_000, sessions: 3, seed: 5 });
  await client.connect();
}, 60_000);

afterAll(() => client.end());

const COMPLETION: Record<string, number> = { NOT_STARTED: 0, LIMITED: 1 / 3, SUBSTANTIAL: 2 / 3, COMPLETE: 1 };
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/** The roll-up of some matrix cells, computed the slow way. */
function rollUp(cells: MatrixRow[]) {
  const scores = cells.flatMap((c) => (c.assessmentScore === null ? [] : [c.assessmentScore]));
  const average = mean(scores);
  const timeliness = (t: string) => cells.filter((c) => c.timeliness === t).length;
  return {
    pairs: cells.length,
    reportedPairs: cells.filter((c) => c.status !== null).length,
    reportingRate: cells.filter((c) => c.status !== null).length / cells.length,
    completion: mean(cells.flatMap((c) => (c.status && c.status in COMPLETION ? [COMPLETION[c.status]!] : []))),
    assessedPairs: scores.length,
    assessmentAverage: average,
    assessmentPercent: average === null ? null : ((average + 1) / 2) * 100,
    onTrack: timeliness("ON_TRACK"),
    overdue: timeliness("OVERDUE"),
    completedOnTime: timeliness("COMPLETED_ON_TIME"),
    completedLate: timeliness("COMPLETED_LATE"),
  };
}

function expectRollup(row: RollupRow | undefined, cells: MatrixRow[]) {
  expect(row).toBeDefined();
  const expected = rollUp(cells);
  for (const [key, value] of Object.entries(expected)) {
    const actual = row![key as keyof RollupRow];
    if (typeof value === "number" && !Number.isInteger(value)) expect(actual).toBeCloseTo(value, 9);
    else expect(actual).toEqual(value);
  }
}

describe("the SQL floor", () => {
  it("has one matrix cell per commitment and member state, with the status of its latest report", async () => {
    const { matrix } = await sqlFloor(client, 40, AS_OF);
    expect(matrix).toHaveLength(25 * 22);
    const latest = await client.query<{ code: string; country_code: string; status: string; version: number }>(
      `SELECT DISTINCT ON (r.commitment_id, r.country_code) c.code, r.country_code, r.status::text AS status, r.version
       FROM report r JOIN commitment c ON c.id = r.commitment_id JOIN council_session s ON s.id = c.session_id
       WHERE s.number = 40 ORDER BY r.commitment_id, r.country_code, r.version DESC`,
    );
    const fromHistory = new Map(latest.rows.map((r) => [`${r.code} ${r.country_code}`, r]));
    for (const cell of matrix) {
      const report = fromHistory.get(`${cell.commitmentCode} ${cell.countryCode}`);
      expect(cell.status).toBe(report?.status ?? null);
      expect(cell.version).toBe(report?.version ?? 0);
    }
    expect(matrix.some((c) => c.status === null)).toBe(true);
    expect(matrix.some((c) => c.disagreement)).toBe(true);
  });

  it("flags a disagreement when the assessment differs from the score the status claims", async () => {
    const { matrix } = await sqlFloor(client, 40, AS_OF);
    for (const cell of matrix) {
      expect(cell.disagreement).toBe(disagrees(cell.status as ReportStatus | null, cell.assessmentScore));
    }
  });

  it("judges timeliness against the due date, or the days before the next session", async () => {
    const { matrix } = await sqlFloor(client, 39, AS_OF);
    const due = await client.query<{ code: string; due_on: string | null }>(
      `SELECT c.code, coalesce(c.due_date, next.starts_on - c.due_days_before_next_session)::text AS due_on
       FROM commitment c JOIN council_session s ON s.id = c.session_id
       JOIN council_session next ON next.number = s.number + 1 WHERE s.number = 39`,
    );
    const dueOn = new Map(due.rows.map((r) => [r.code, r.due_on]));
    expect(due.rows.some((r) => r.due_on !== null)).toBe(true);
    for (const cell of matrix) {
      expect(cell.dueOn).toBe(dueOn.get(cell.commitmentCode));
      let expected: string | null = null;
      if (cell.dueOn !== null && cell.status !== "NOT_APPLICABLE") {
        if (cell.status === "COMPLETE") {
          expected = cell.completedAt!.toISOString().slice(0, 10) <= cell.dueOn ? "COMPLETED_ON_TIME" : "COMPLETED_LATE";
        } else {
          expected = cell.dueOn < AS_OF ? "OVERDUE" : "ON_TRACK";
        }
      }
      expect(cell.timeliness).toBe(expected);
    }
    expect(new Set(matrix.map((c) => c.timeliness)).size).toBeGreaterThan(3);
  });

  it("rolls the matrix up per commitment, member state, theme and session", async () => {
    const { matrix, rollups } = await sqlFloor(client, 40, AS_OF);
    const themes = await client.query<{ code: string; key: string }>(
      "SELECT c.code, t.key FROM commitment c JOIN theme t ON t.id = c.theme_id",
    );
    const themeOf = new Map(themes.rows.map((r) => [r.code, r.key]));
    const find = (dimension: string, key: string) => rollups.find((r) => r.dimension === dimension && r.key === key);

    expect(rollups.filter((r) => r.dimension === "commitment")).toHaveLength(25);
    expect(rollups.filter((r) => r.dimension === "country")).toHaveLength(22);
    for (const code of new Set(matrix.map((c) => c.commitmentCode))) {
      expectRollup(find("commitment", code), matrix.filter((c) => c.commitmentCode === code));
    }
    for (const country of new Set(matrix.map((c) => c.countryCode))) {
      expectRollup(find("country", country), matrix.filter((c) => c.countryCode === country));
    }
    for (const theme of new Set(matrix.map((c) => themeOf.get(c.commitmentCode)!))) {
      expectRollup(find("theme", theme), matrix.filter((c) => themeOf.get(c.commitmentCode) === theme));
    }
    expectRollup(find("session", ""), matrix);
  });

  it("never reads the report history", async () => {
    const plans = await explainSqlFloor(client, 40, AS_OF);
    for (const plan of [plans.matrix, plans.rollups]) {
      expect(plan).toMatch(/pair_status/);
      expect(plan).not.toMatch(/ on (report|review|assessment)\b/);
    }
  });

  it("times itself: median and p95 over the requested runs", async () => {
    const timing = await timeSqlFloor(process.env.DATABASE_URL!, 40, 5, { warmup: 1, asOf: AS_OF });
    expect(timing.runs).toBe(5);
    expect(timing.p95Ms).toBeGreaterThanOrEqual(timing.medianMs);
  });
});
