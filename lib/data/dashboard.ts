import "server-only";
// The progress dashboard: one session's member-state × commitment matrix and its roll-ups per
// commitment, member state and theme. Everything is computed in SQL over pair_status (one row
// per pair: the current status), read for the session's commitment ids only, so that the cost
// depends on commitments × member states and never on the length of the report history
// (docs/decisions/0001, 0003).
import { Prisma } from "@/generated/prisma/client";
import type { ReviewState } from "@/generated/prisma/enums";
import { isScore, scoreAsPercentage, type Score } from "@/lib/assessment-scale";
import type { Actor } from "@/lib/auth/actor";
import { actorScope, canReadAllReportsOf, canReadDashboard, canReadPairDetail, canSeeAggregate } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { NO_REPORT, WITHHELD, type DisplayedStatus, type StatusOrNoReport } from "@/lib/status-scale";
import type { DashboardQuery } from "@/lib/validation/dashboard";
import { completionSql, disagreesSql, readableSql, scopeCtes, timelinessSql } from "./dashboard-sql";
import { keptReading } from "./snapshot-cache";

export const TIMELINESS = ["ON_TRACK", "OVERDUE", "COMPLETED_ON_TIME", "COMPLETED_LATE"] as const;
export type Timeliness = (typeof TIMELINESS)[number];

export type DashboardSession = {
  number: number;
  titleAr: string;
  titleEn: string;
  cityAr: string;
  cityEn: string;
  /** ISO date. */
  startsOn: string;
};
export type DashboardTheme = { key: string; nameAr: string; nameEn: string };
export type DashboardCountry = { code: string; nameAr: string; nameEn: string };
export type DashboardCommitment = {
  code: string;
  titleAr: string;
  titleEn: string;
  theme: DashboardTheme;
  /** ISO date the commitment is due on (its own, or derived from the next session), or null. */
  dueOn: string | null;
  withdrawn: boolean;
};

/** What the dashboard covers: a session, and the commitments and member states in view. */
export type DashboardScope = {
  query: DashboardQuery & { session: number };
  /** The day timeliness is judged on (ISO date, UTC). */
  asOf: string;
  session: DashboardSession;
  /** Every theme and every member state: the choices of the filters. */
  themes: DashboardTheme[];
  countries: DashboardCountry[];
  /** Rows and columns in view (theme, country and commitment narrow them), rows grouped by theme. */
  commitments: DashboardCommitment[];
  columns: DashboardCountry[];
};

export type MatrixCell = {
  commitment: string;
  country: string;
  /** NO_REPORT, or WITHHELD when the viewer may not read the pair's latest report. */
  status: DisplayedStatus;
  /** The secretariat's current assessment, −1…+1; null when there is none or it is withheld. */
  assessment: Score | null;
  /** The assessment disagrees with the reported status (lib/assessment-scale.ts). */
  disagreement: boolean;
  timeliness: Timeliness | null;
  reportedAt: Date | null;
  /** Number of reports on the pair; null without a report or when withheld. */
  version: number | null;
  reviewState: ReviewState | null;
  withdrawn: boolean;
};

export type TimelinessCounts = { onTrack: number; overdue: number; completedOnTime: number; completedLate: number };

/** The roll-up of a group of pairs (a commitment's row, a member state's column, a theme, the session). */
export type Figures = {
  pairs: number;
  reportedPairs: number;
  /** Reported pairs / pairs; null for an empty group. */
  reportingRate: number | null;
  /**
   * True when the status figures below rest on one or two reports withheld from the viewer,
   * and are left out (lib/auth/permissions.ts `canSeeAggregate`).
   */
  withheld: boolean;
  /** Mean of 0, ⅓, ⅔, 1 over reported pairs, NOT_APPLICABLE left out; null if none (or withheld). */
  completion: number | null;
  statusCounts: Record<StatusOrNoReport, number> | null;
  assessedPairs: number | null;
  /** Mean G7/G20 score, −1…+1, and as the Research Group publishes it (0–100 %). */
  assessmentAverage: number | null;
  assessmentPercent: number | null;
  disagreements: number | null;
  timeliness: TimelinessCounts | null;
};

export type Rollups = {
  session: Figures;
  commitments: Record<string, Figures>;
  countries: Record<string, Figures>;
  themes: Record<string, Figures>;
};

export type DashboardView = DashboardScope & {
  /** Cells in view that pass the status, disagreement and overdue filters. */
  cells: MatrixCell[];
  rollups: Rollups;
};

/** Today in UTC, as an ISO date: the default day timeliness is judged on. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

export type DashboardOptions = {
  /** Narrow the view to one commitment (the commitment page). */
  commitment?: string;
  /** The day timeliness is judged on; default today (UTC). */
  asOf?: string;
};

type Visibility = "RESTRICTED" | "MEMBERS" | "OBSERVERS";

// The statement's result is one row of text (JSON, and the cells as delimited lines): much
// cheaper than Prisma deserialising hundreds of rows of many columns.
/** [commitment, country, status, visibility, version, review state, reported at (ms), score, disagreement, timeliness, withdrawn] */
type CellFields = [
  string,
  string,
  string | null,
  Visibility | null,
  number | null,
  ReviewState | null,
  number | null,
  number | null,
  boolean,
  Timeliness | null,
  boolean,
];

type RollupJson = {
  dimension: "commitment" | "country" | "theme" | "session";
  key: string;
  pairs: number;
  reported: number;
  withheld: number;
  completion: number | null;
  assessed: number;
  assessment_average: number | null;
  disagreements: number;
  on_track: number;
  overdue: number;
  completed_on_time: number;
  completed_late: number;
  not_started: number;
  limited: number;
  substantial: number;
  complete: number;
  not_applicable: number;
};

type CommitmentJson = {
  code: string;
  title_ar: string;
  title_en: string;
  theme_key: string;
  theme_name_ar: string;
  theme_name_en: string;
  due_on: string | null;
  withdrawn: boolean;
  in_scope: boolean;
};

type ResultRow = {
  session: string | null;
  themes: string;
  commitments: string | null;
  countries: string;
  cells: string | null;
  rollups: string | null;
};

/** One statement: the session, its commitments, the member states, every cell in view and the roll-ups. */
export function dashboardSql(actor: Actor, query: DashboardQuery, asOf: string, commitment: string | undefined): Prisma.Sql {
  const status = Prisma.sql`p.status`;
  return Prisma.sql`
    WITH ${scopeCtes({ ...query, ...(commitment ? { commitment } : {}) })},
    cell AS MATERIALIZED (
      SELECT c.code AS c, k.code AS k, c.theme_key,
             p.status::text AS status, p.visibility::text AS visibility, p.version, p.review_state::text AS review_state,
             p.reported_at, p.assessment_score::int AS assessment_score,
             ${disagreesSql(status, Prisma.sql`p.assessment_score`)} AS disagreement,
             ${timelinessSql({
               status,
               completedAt: Prisma.sql`p.completed_at`,
               reportedAt: Prisma.sql`p.reported_at`,
               dueOn: Prisma.sql`c.due_on`,
               withdrawn: Prisma.sql`c.withdrawn`,
               asOf,
             })} AS timeliness,
             ${completionSql(status)} AS completion,
             ${readableSql(actor, Prisma.sql`k.code`, Prisma.sql`p.visibility`)} AS readable,
             c.withdrawn
      FROM sc c
      CROSS JOIN k
      LEFT JOIN (SELECT * FROM pair_status WHERE commitment_id = ANY(ARRAY(SELECT id FROM sc))) p
        ON p.commitment_id = c.id AND p.country_code = k.code
    ), rollup AS (
      SELECT CASE WHEN grouping(c) = 0 THEN 'commitment'
                  WHEN grouping(k) = 0 THEN 'country'
                  WHEN grouping(theme_key) = 0 THEN 'theme'
                  ELSE 'session' END AS dimension,
             coalesce(c, k, theme_key, '') AS key,
             count(*) AS pairs,
             count(status) AS reported,
             count(*) FILTER (WHERE status IS NOT NULL AND NOT readable) AS withheld,
             avg(completion) AS completion,
             count(assessment_score) AS assessed,
             avg(assessment_score)::float8 AS assessment_average,
             count(*) FILTER (WHERE disagreement) AS disagreements,
             count(*) FILTER (WHERE timeliness = 'ON_TRACK') AS on_track,
             count(*) FILTER (WHERE timeliness = 'OVERDUE') AS overdue,
             count(*) FILTER (WHERE timeliness = 'COMPLETED_ON_TIME') AS completed_on_time,
             count(*) FILTER (WHERE timeliness = 'COMPLETED_LATE') AS completed_late,
             count(*) FILTER (WHERE status = 'NOT_STARTED') AS not_started,
             count(*) FILTER (WHERE status = 'LIMITED') AS limited,
             count(*) FILTER (WHERE status = 'SUBSTANTIAL') AS substantial,
             count(*) FILTER (WHERE status = 'COMPLETE') AS complete,
             count(*) FILTER (WHERE status = 'NOT_APPLICABLE') AS not_applicable
      FROM cell
      WHERE NOT withdrawn
      GROUP BY GROUPING SETS ((c), (k), (theme_key), ())
    )
    SELECT
      (SELECT json_build_object('number', number, 'titleAr', title_ar, 'titleEn', title_en, 'cityAr', city_ar,
                                'cityEn', city_en, 'startsOn', starts_on) FROM s)::text AS session,
      (SELECT json_agg(json_build_object('code', code, 'title_ar', title_ar, 'title_en', title_en, 'theme_key', theme_key,
                                         'theme_name_ar', theme_name_ar, 'theme_name_en', theme_name_en, 'due_on', due_on,
                                         'withdrawn', withdrawn, 'in_scope', code IN (SELECT code FROM sc))
                       ORDER BY theme_order, theme_key, sort_order, code) FROM cm)::text AS commitments,
      (SELECT json_agg(json_build_array(code, name_ar, name_en) ORDER BY sort_order, code) FROM country)::text AS countries,
      (SELECT json_agg(json_build_array(key, name_ar, name_en) ORDER BY sort_order, key) FROM theme)::text AS themes,
      -- One line per cell, fields joined by | (codes, enum names and numbers never contain
      -- | or ;): several times cheaper to build and to read than JSON.
      (SELECT string_agg(format('%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s', c, k, status, visibility, version, review_state,
                                (date_part('epoch', reported_at) * 1000)::bigint, assessment_score,
                                disagreement::int, timeliness, withdrawn::int), ';') FROM cell) AS cells,
      (SELECT json_agg(rollup) FROM rollup)::text AS rollups`;
}

function emptyFigures(): Figures {
  return {
    pairs: 0,
    reportedPairs: 0,
    reportingRate: null,
    withheld: false,
    completion: null,
    statusCounts: null,
    assessedPairs: null,
    assessmentAverage: null,
    assessmentPercent: null,
    disagreements: null,
    timeliness: null,
  };
}

function toFigures(row: RollupJson): Figures {
  const base = { pairs: row.pairs, reportedPairs: row.reported, reportingRate: row.pairs ? row.reported / row.pairs : null };
  if (!canSeeAggregate(row.withheld)) return { ...emptyFigures(), ...base, withheld: true };
  return {
    ...base,
    withheld: false,
    completion: row.completion,
    statusCounts: {
      NOT_STARTED: row.not_started,
      LIMITED: row.limited,
      SUBSTANTIAL: row.substantial,
      COMPLETE: row.complete,
      NOT_APPLICABLE: row.not_applicable,
      NO_REPORT: row.pairs - row.reported,
    },
    assessedPairs: row.assessed,
    assessmentAverage: row.assessment_average,
    assessmentPercent: row.assessment_average === null ? null : scoreAsPercentage(row.assessment_average),
    disagreements: row.disagreements,
    timeliness: {
      onTrack: row.on_track,
      overdue: row.overdue,
      completedOnTime: row.completed_on_time,
      completedLate: row.completed_late,
    },
  };
}

/** The statement's cells: `format('%s|…')` lines joined by `;`, a NULL written as nothing. */
function parseCells(text: string | null): CellFields[] {
  if (!text) return [];
  const text_ = (value: string) => (value === "" ? null : value);
  const number = (value: string) => (value === "" ? null : Number(value));
  return text.split(";").map((line) => {
    const [c, k, status, visibility, version, review, reportedAt, score, disagreement, timeliness, withdrawn] = line.split("|") as string[] &
      { length: 11 };
    return [
      c!,
      k!,
      text_(status!),
      text_(visibility!) as Visibility | null,
      number(version!),
      text_(review!) as ReviewState | null,
      number(reportedAt!),
      number(score!),
      disagreement === "1",
      text_(timeliness!) as Timeliness | null,
      withdrawn === "1",
    ];
  });
}

// Object literals without spread: this runs for every cell, and spreading a shared base object
// costs several times more.
function toCell(actor: Actor, row: CellFields): MatrixCell {
  const [commitment, country, status, visibility, version, reviewState, reportedAt, score, disagreement, timeliness, withdrawn] = row;
  if (status === null) {
    return {
      commitment,
      country,
      status: NO_REPORT,
      // The secretariat may assess a pair without a report: its own output, nothing to withhold.
      assessment: isScore(score) ? score : null,
      disagreement: false,
      timeliness,
      reportedAt: null,
      version: null,
      reviewState: null,
      withdrawn,
    };
  }
  if (!canReadPairDetail(actor, { countryCode: country, visibility })) {
    return {
      commitment,
      country,
      status: WITHHELD,
      assessment: null,
      disagreement: false,
      timeliness: null,
      reportedAt: null,
      version: null,
      reviewState: null,
      withdrawn,
    };
  }
  const readsAll = canReadAllReportsOf(actor, country);
  return {
    commitment,
    country,
    status: status as DisplayedStatus,
    assessment: isScore(score) ? score : null,
    disagreement,
    timeliness,
    reportedAt: reportedAt === null ? null : new Date(reportedAt),
    // The version writers base on and the secretariat's decision stay between the country and
    // the secretariat, as on the pair page.
    version: readsAll ? version : null,
    reviewState: readsAll ? reviewState : null,
    withdrawn,
  };
}

/** Whether a cell passes the status, disagreement and overdue filters (on what the viewer sees). */
export function matchesCellFilters(cell: MatrixCell, query: DashboardQuery): boolean {
  if (query.status && cell.status !== query.status) return false;
  if (query.disagreements && !cell.disagreement) return false;
  if (query.overdue && cell.timeliness !== "OVERDUE") return false;
  return true;
}

/**
 * The dashboard of a query, as `actor` may see it: the session (default: the latest), the
 * commitments and member states in view, every cell that passes the cell filters, and the
 * roll-ups of the rows and columns in view. One SQL statement. Throws NotFoundError for an
 * unknown session or commitment, InvalidInputError for an unknown theme or member state (a
 * theme the session has no commitment of is an empty view).
 */
export async function getDashboard(actor: Actor, query: DashboardQuery, options: DashboardOptions = {}): Promise<DashboardView> {
  if (!canReadDashboard(actor)) throw new ForbiddenError();
  const asOf = options.asOf ?? todayUtc();
  return keptReading(["dashboard", actorScope(actor), query, asOf, options.commitment ?? null], () =>
    readDashboard(actor, query, asOf, options.commitment),
  );
}

async function readDashboard(actor: Actor, query: DashboardQuery, asOf: string, commitment: string | undefined): Promise<DashboardView> {
  const [row] = await db.$queryRaw<ResultRow[]>(dashboardSql(actor, query, asOf, commitment));
  if (!row?.session) throw new NotFoundError("session");
  const session = JSON.parse(row.session) as DashboardSession;
  const all = JSON.parse(row.commitments ?? "[]") as CommitmentJson[];
  const countries = (JSON.parse(row.countries) as [string, string, string][]).map(([code, nameAr, nameEn]) => ({ code, nameAr, nameEn }));
  const themes = (JSON.parse(row.themes) as [string, string, string][]).map(([key, nameAr, nameEn]) => ({ key, nameAr, nameEn }));

  const invalid: Record<string, string[]> = {};
  if (query.theme && !themes.some((t) => t.key === query.theme)) invalid.theme = ["unknownTheme"];
  if (query.country && !countries.some((c) => c.code === query.country)) invalid.country = ["unknownCountry"];
  if (Object.keys(invalid).length > 0) throw new InvalidInputError(invalid);
  const commitments: DashboardCommitment[] = all
    .filter((c) => c.in_scope)
    .map((c) => ({
      code: c.code,
      titleAr: c.title_ar,
      titleEn: c.title_en,
      theme: { key: c.theme_key, nameAr: c.theme_name_ar, nameEn: c.theme_name_en },
      dueOn: c.due_on,
      withdrawn: c.withdrawn,
    }));
  if (commitment && commitments.length === 0) throw new NotFoundError("commitment");

  const rollups: Rollups = { session: emptyFigures(), commitments: {}, countries: {}, themes: {} };
  for (const rollup of JSON.parse(row.rollups ?? "[]") as RollupJson[]) {
    const figures = toFigures(rollup);
    if (rollup.dimension === "session") rollups.session = figures;
    else if (rollup.dimension === "commitment") rollups.commitments[rollup.key] = figures;
    else if (rollup.dimension === "country") rollups.countries[rollup.key] = figures;
    else rollups.themes[rollup.key] = figures;
  }
  const fullQuery = { ...query, session: session.number };
  const commitmentOrder = new Map(commitments.map((c, index) => [c.code, index]));
  const countryOrder = new Map(countries.map((c, index) => [c.code, index]));
  const cells = parseCells(row.cells)
    .map((cell) => toCell(actor, cell))
    .filter((cell) => matchesCellFilters(cell, fullQuery))
    .sort(
      (a, b) =>
        commitmentOrder.get(a.commitment)! - commitmentOrder.get(b.commitment)! || countryOrder.get(a.country)! - countryOrder.get(b.country)!,
    );
  return {
    query: fullQuery,
    asOf,
    session,
    themes,
    countries,
    commitments,
    columns: query.country ? countries.filter((c) => c.code === query.country) : countries,
    cells,
    rollups,
  };
}

/** Session numbers, newest first: the choices of the session filter. */
export async function listSessionNumbers(actor: Actor): Promise<number[]> {
  if (!canReadDashboard(actor)) throw new ForbiddenError();
  return keptReading(["session numbers"], async () => {
    const sessions = await db.councilSession.findMany({ orderBy: { number: "desc" }, select: { number: true } });
    return sessions.map((s) => s.number);
  });
}
