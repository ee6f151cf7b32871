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
import { canReadDashboard, canReadPairDetail, canSeeAggregate } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { NO_REPORT, WITHHELD, type DisplayedStatus, type StatusOrNoReport } from "@/lib/status-scale";
import type { DashboardQuery } from "@/lib/validation/dashboard";
import { completionSql, disagreesSql, readableSql, timelinessSql } from "./dashboard-sql";

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
  id: string;
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
  /** The session's themes and every member state: the choices of the filters. */
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

type CommitmentRow = {
  session_number: number;
  session_title_ar: string;
  session_title_en: string;
  city_ar: string;
  city_en: string;
  starts_on: string;
  id: string | null;
  code: string | null;
  title_ar: string | null;
  title_en: string | null;
  theme_key: string | null;
  theme_name_ar: string | null;
  theme_name_en: string | null;
  due_on: string | null;
  withdrawn: boolean | null;
};

/**
 * Resolves a dashboard query: the session (default: the current one), its commitments and the
 * member states in view. Throws NotFoundError for an unknown session or commitment, and
 * InvalidInputError for a theme or member state that does not exist.
 */
export async function resolveDashboardScope(
  actor: Actor,
  query: DashboardQuery,
  options: { commitment?: string; asOf?: string } = {},
): Promise<DashboardScope> {
  if (!canReadDashboard(actor)) throw new ForbiddenError();
  const sessionNumber = query.session ?? null;
  const [rows, countries] = await Promise.all([
    db.$queryRaw<CommitmentRow[]>`
      WITH s AS (
        SELECT x.id, x.number, x.title_ar, x.title_en, x.city_ar, x.city_en, x.starts_on,
               (SELECT n.starts_on FROM council_session n WHERE n.number > x.number ORDER BY n.number LIMIT 1) AS next_starts_on
        FROM council_session x
        WHERE x.number = coalesce(${sessionNumber}::int, (SELECT max(number) FROM council_session))
      )
      SELECT s.number AS session_number, s.title_ar AS session_title_ar, s.title_en AS session_title_en,
             s.city_ar, s.city_en, s.starts_on::text AS starts_on,
             c.id::text AS id, c.code, c.title_ar, c.title_en,
             t.key AS theme_key, t.name_ar AS theme_name_ar, t.name_en AS theme_name_en,
             coalesce(c.due_date, s.next_starts_on - c.due_days_before_next_session)::text AS due_on,
             c.withdrawn_at IS NOT NULL AS withdrawn
      FROM s
      LEFT JOIN commitment c ON c.session_id = s.id
      LEFT JOIN theme t ON t.id = c.theme_id
      ORDER BY t.sort_order, t.key, c.sort_order, c.code`,
    db.country.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, nameAr: true, nameEn: true } }),
  ]);
  const first = rows[0];
  if (!first) throw new NotFoundError("session");
  const session: DashboardSession = {
    number: first.session_number,
    titleAr: first.session_title_ar,
    titleEn: first.session_title_en,
    cityAr: first.city_ar,
    cityEn: first.city_en,
    startsOn: first.starts_on,
  };
  const all: DashboardCommitment[] = rows
    .filter((row) => row.id !== null)
    .map((row) => ({
      id: row.id!,
      code: row.code!,
      titleAr: row.title_ar!,
      titleEn: row.title_en!,
      theme: { key: row.theme_key!, nameAr: row.theme_name_ar!, nameEn: row.theme_name_en! },
      dueOn: row.due_on,
      withdrawn: row.withdrawn!,
    }));
  const themes = [...new Map(all.map((c) => [c.theme.key, c.theme])).values()];

  const invalid: Record<string, string[]> = {};
  if (query.theme && !themes.some((t) => t.key === query.theme)) invalid.theme = ["unknownTheme"];
  if (query.country && !countries.some((c) => c.code === query.country)) invalid.country = ["unknownCountry"];
  if (Object.keys(invalid).length > 0) throw new InvalidInputError(invalid);

  const commitments = all.filter(
    (c) => (!query.theme || c.theme.key === query.theme) && (!options.commitment || c.code === options.commitment),
  );
  if (options.commitment && commitments.length === 0) throw new NotFoundError("commitment");
  return {
    query: { ...query, session: session.number },
    asOf: options.asOf ?? todayUtc(),
    session,
    themes,
    countries,
    commitments,
    columns: query.country ? countries.filter((c) => c.code === query.country) : countries,
  };
}

type CellRow = {
  commitment_id: string;
  country_code: string;
  status: string | null;
  visibility: "RESTRICTED" | "MEMBERS" | "OBSERVERS" | null;
  version: number | null;
  review_state: ReviewState | null;
  reported_at: Date | null;
  assessment_score: number | null;
  disagreement: boolean;
  timeliness: Timeliness | null;
  withdrawn: boolean;
};

type RollupRow = {
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

/** Every (commitment, member state) pair in view with its current state, one SQL statement. */
function cellsSql(actor: Actor, scope: DashboardScope): Prisma.Sql {
  const c = scope.commitments;
  const ids = c.map((x) => x.id);
  const countryCodes = scope.columns.map((k) => k.code);
  return Prisma.sql`
    SELECT c.id::text AS commitment_id, c.theme_key, k.code AS country_code,
           p.status::text AS status, p.visibility::text AS visibility, p.version, p.review_state::text AS review_state,
           p.reported_at, p.completed_at, p.assessment_score::int AS assessment_score,
           ${disagreesSql(Prisma.sql`p.status`, Prisma.sql`p.assessment_score`)} AS disagreement,
           ${timelinessSql({
             status: Prisma.sql`p.status`,
             completedAt: Prisma.sql`p.completed_at`,
             reportedAt: Prisma.sql`p.reported_at`,
             dueOn: Prisma.sql`c.due_on`,
             withdrawn: Prisma.sql`c.withdrawn`,
             asOf: scope.asOf,
           })} AS timeliness,
           ${readableSql(actor, Prisma.sql`k.code`, Prisma.sql`p.visibility`)} AS readable,
           c.withdrawn
    FROM unnest(${ids}::uuid[], ${c.map((x) => x.theme.key)}::text[], ${c.map((x) => x.dueOn)}::date[],
                ${c.map((x) => x.withdrawn)}::boolean[]) AS c(id, theme_key, due_on, withdrawn)
    CROSS JOIN unnest(${countryCodes}::text[]) AS k(code)
    LEFT JOIN (SELECT * FROM pair_status WHERE commitment_id = ANY(${ids}::uuid[])) p
      ON p.commitment_id = c.id AND p.country_code = k.code`;
}

function rollupsSql(actor: Actor, scope: DashboardScope): Prisma.Sql {
  return Prisma.sql`
    WITH cell AS (${cellsSql(actor, scope)})
    SELECT CASE WHEN grouping(commitment_id) = 0 THEN 'commitment'
                WHEN grouping(country_code) = 0 THEN 'country'
                WHEN grouping(theme_key) = 0 THEN 'theme'
                ELSE 'session' END AS dimension,
           coalesce(commitment_id, country_code, theme_key, '') AS key,
           count(*)::int AS pairs,
           count(status)::int AS reported,
           count(*) FILTER (WHERE status IS NOT NULL AND NOT readable)::int AS withheld,
           avg(${completionSql(Prisma.sql`status`)})::float8 AS completion,
           count(assessment_score)::int AS assessed,
           avg(assessment_score)::float8 AS assessment_average,
           count(*) FILTER (WHERE disagreement)::int AS disagreements,
           count(*) FILTER (WHERE timeliness = 'ON_TRACK')::int AS on_track,
           count(*) FILTER (WHERE timeliness = 'OVERDUE')::int AS overdue,
           count(*) FILTER (WHERE timeliness = 'COMPLETED_ON_TIME')::int AS completed_on_time,
           count(*) FILTER (WHERE timeliness = 'COMPLETED_LATE')::int AS completed_late,
           count(*) FILTER (WHERE status = 'NOT_STARTED')::int AS not_started,
           count(*) FILTER (WHERE status = 'LIMITED')::int AS limited,
           count(*) FILTER (WHERE status = 'SUBSTANTIAL')::int AS substantial,
           count(*) FILTER (WHERE status = 'COMPLETE')::int AS complete,
           count(*) FILTER (WHERE status = 'NOT_APPLICABLE')::int AS not_applicable
    FROM cell
    WHERE NOT withdrawn
    GROUP BY GROUPING SETS ((commitment_id), (country_code), (theme_key), ())`;
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

function toFigures(row: RollupRow): Figures {
  const base = { pairs: row.pairs, reportedPairs: row.reported, reportingRate: row.pairs ? row.reported / row.pairs : null };
  if (!canSeeAggregate(row.withheld)) return { ...emptyFigures(), ...base, withheld: true };
  const statusCounts: Record<StatusOrNoReport, number> = {
    NOT_STARTED: row.not_started,
    LIMITED: row.limited,
    SUBSTANTIAL: row.substantial,
    COMPLETE: row.complete,
    NOT_APPLICABLE: row.not_applicable,
    NO_REPORT: row.pairs - row.reported,
  };
  return {
    ...base,
    withheld: false,
    completion: row.completion,
    statusCounts,
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

function toCell(actor: Actor, row: CellRow, code: string): MatrixCell {
  const base = { commitment: code, country: row.country_code, withdrawn: row.withdrawn };
  if (row.status === null) {
    return {
      ...base,
      status: NO_REPORT,
      // The secretariat may assess a pair without a report: its own output, nothing to withhold.
      assessment: isScore(row.assessment_score) ? row.assessment_score : null,
      disagreement: false,
      timeliness: row.timeliness,
      reportedAt: null,
      version: null,
      reviewState: null,
    };
  }
  if (!canReadPairDetail(actor, { countryCode: row.country_code, visibility: row.visibility })) {
    return { ...base, status: WITHHELD, assessment: null, disagreement: false, timeliness: null, reportedAt: null, version: null, reviewState: null };
  }
  return {
    ...base,
    status: row.status as DisplayedStatus,
    assessment: isScore(row.assessment_score) ? row.assessment_score : null,
    disagreement: row.disagreement,
    timeliness: row.timeliness,
    reportedAt: row.reported_at,
    version: row.version,
    reviewState: row.review_state,
  };
}

/** Whether a cell passes the status, disagreement and overdue filters (on what the viewer sees). */
export function matchesCellFilters(cell: MatrixCell, query: DashboardQuery): boolean {
  if (query.status && cell.status !== query.status) return false;
  if (query.disagreements && !cell.disagreement) return false;
  if (query.overdue && cell.timeliness !== "OVERDUE") return false;
  return true;
}

/** The matrix and roll-ups of a resolved scope, as `actor` may see them. */
export async function getDashboardMatrix(actor: Actor, scope: DashboardScope): Promise<DashboardView> {
  if (!canReadDashboard(actor)) throw new ForbiddenError();
  const codes = new Map(scope.commitments.map((c) => [c.id, c.code]));
  const themeKeys = new Set(scope.commitments.map((c) => c.theme.key));
  const empty = scope.commitments.length === 0 || scope.columns.length === 0;
  const [cellRows, rollupRows] = empty
    ? [[], []]
    : await Promise.all([
        db.$queryRaw<CellRow[]>(cellsSql(actor, scope)),
        db.$queryRaw<RollupRow[]>(rollupsSql(actor, scope)),
      ]);

  const rollups: Rollups = { session: emptyFigures(), commitments: {}, countries: {}, themes: {} };
  for (const row of rollupRows) {
    const figures = toFigures(row);
    if (row.dimension === "session") rollups.session = figures;
    else if (row.dimension === "commitment") rollups.commitments[codes.get(row.key)!] = figures;
    else if (row.dimension === "country") rollups.countries[row.key] = figures;
    else if (themeKeys.has(row.key)) rollups.themes[row.key] = figures;
  }

  const commitmentOrder = new Map(scope.commitments.map((c, i) => [c.code, i]));
  const columnOrder = new Map(scope.columns.map((k, i) => [k.code, i]));
  const cells = cellRows
    .map((row) => toCell(actor, row, codes.get(row.commitment_id)!))
    .filter((cell) => matchesCellFilters(cell, scope.query));
  cells.sort(
    (a, b) =>
      commitmentOrder.get(a.commitment)! - commitmentOrder.get(b.commitment)! ||
      columnOrder.get(a.country)! - columnOrder.get(b.country)!,
  );
  return { ...scope, cells, rollups };
}

/** The dashboard of a query: its scope, matrix and roll-ups. */
export async function getDashboard(
  actor: Actor,
  query: DashboardQuery,
  options: { commitment?: string; asOf?: string } = {},
): Promise<DashboardView> {
  return getDashboardMatrix(actor, await resolveDashboardScope(actor, query, options));
}

/** Session numbers, newest first: the choices of the session filter. */
export async function listSessionNumbers(actor: Actor): Promise<number[]> {
  if (!canReadDashboard(actor)) throw new ForbiddenError();
  const sessions = await db.councilSession.findMany({ orderBy: { number: "desc" }, select: { number: true } });
  return sessions.map((s) => s.number);
}
