// The floor of the dashboard benchmark: the bare SQL that produces one session's matrix
// (every pair's current status, assessment and disagreement flag) and its roll-ups per
// commitment, country and theme. It reads pair_status joined to commitment, country and
// theme only — never the report history — so its cost depends on the session's
// commitments × 22 member states, not on how many reports exist.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { summarise, type Timing } from "./stats";

export type Timeliness = "ON_TRACK" | "OVERDUE" | "COMPLETED_ON_TIME" | "COMPLETED_LATE";

export type MatrixRow = {
  commitmentCode: string;
  countryCode: string;
  /** NULL: no report yet. */
  status: string | null;
  version: number;
  visibility: string | null;
  reviewState: string | null;
  assessmentScore: number | null;
  /** The secretariat's score differs from the one the reported status claims. */
  disagreement: boolean;
  dueOn: string | null;
  /** NULL when the commitment has no due date or the pair is not applicable. */
  timeliness: Timeliness | null;
  reportedAt: Date | null;
  completedAt: Date | null;
};

export type RollupRow = {
  dimension: "commitment" | "country" | "theme" | "session";
  key: string;
  pairs: number;
  reportedPairs: number;
  /** Reported pairs / pairs, pairs being commitments × member states. */
  reportingRate: number;
  /** Mean completion of reported pairs (0, 1/3, 2/3, 1), NOT_APPLICABLE left out; NULL if none. */
  completion: number | null;
  assessedPairs: number;
  /** Mean G7/G20 score, −1…+1, and as the Research Group publishes it, (mean + 1) / 2 · 100. */
  assessmentAverage: number | null;
  assessmentPercent: number | null;
  onTrack: number;
  overdue: number;
  completedOnTime: number;
  completedLate: number;
};

export type SqlFloorResult = { matrix: MatrixRow[]; rollups: RollupRow[] };

// $1 session number, $2 the day timeliness is judged on. A commitment is due on its
// due_date, or the given number of days before the next session opens. A pair without a
// report counts as not complete; NOT_APPLICABLE pairs are left out of timeliness.
// The score a status claims is lib/assessment-scale.ts's: COMPLETE +1, SUBSTANTIAL and
// LIMITED 0, NOT_STARTED −1 (the same rule the data layer applies).
const CELLS = `
  WITH session AS MATERIALIZED (
    SELECT s.id, (SELECT n.starts_on FROM council_session n WHERE n.number > s.number ORDER BY n.number LIMIT 1) AS next_starts_on
    FROM council_session s WHERE s.number = $1
  ), session_commitment AS MATERIALIZED (
    SELECT c.id, c.code, c.sort_order, c.theme_id,
           coalesce(c.due_date, s.next_starts_on - c.due_days_before_next_session) AS due_on
    FROM commitment c JOIN session s ON s.id = c.session_id
  ), session_pair AS (
    -- One scan of pair_status's primary key for the session's commitments. A plain join
    -- lets the planner hash every session's pairs once a sequential scan looks cheap, and
    -- then the floor grows with the number of sessions.
    SELECT * FROM pair_status WHERE commitment_id = ANY (ARRAY(SELECT id FROM session_commitment))
  ), cell AS (
    SELECT c.code AS commitment_code, c.sort_order AS commitment_order, c.theme_id, c.due_on,
           k.code AS country_code, k.sort_order AS country_order,
           p.status, coalesce(p.version, 0) AS version, p.visibility, p.review_state,
           p.assessment_score, p.reported_at, p.completed_at,
           coalesce(p.status <> 'NOT_APPLICABLE' AND p.assessment_score <>
             CASE p.status WHEN 'COMPLETE' THEN 1 WHEN 'SUBSTANTIAL' THEN 0 WHEN 'LIMITED' THEN 0 ELSE -1 END, false) AS disagreement,
           CASE
             WHEN c.due_on IS NULL OR p.status = 'NOT_APPLICABLE' THEN NULL
             WHEN p.status = 'COMPLETE' THEN
               CASE WHEN (p.completed_at AT TIME ZONE 'UTC')::date <= c.due_on THEN 'COMPLETED_ON_TIME' ELSE 'COMPLETED_LATE' END
             WHEN c.due_on < $2::date THEN 'OVERDUE'
             ELSE 'ON_TRACK'
           END AS timeliness
    FROM session_commitment c
    CROSS JOIN country k
    LEFT JOIN session_pair p ON p.commitment_id = c.id AND p.country_code = k.code
  )`;

const MATRIX = `${CELLS}
  SELECT commitment_code AS "commitmentCode", country_code AS "countryCode", status::text AS status, version,
         visibility::text AS visibility, review_state::text AS "reviewState", assessment_score::int AS "assessmentScore",
         disagreement, due_on::text AS "dueOn", timeliness, reported_at AS "reportedAt", completed_at AS "completedAt"
  FROM cell
  ORDER BY commitment_order, commitment_code, country_order, country_code`;

const ROLLUPS = `${CELLS}
  SELECT CASE WHEN grouping(cell.commitment_code) = 0 THEN 'commitment'
              WHEN grouping(cell.country_code) = 0 THEN 'country'
              WHEN grouping(t.key) = 0 THEN 'theme'
              ELSE 'session' END AS dimension,
         coalesce(cell.commitment_code, cell.country_code, t.key, '') AS key,
         count(*)::int AS pairs,
         count(cell.status)::int AS "reportedPairs",
         count(cell.status)::float8 / count(*) AS "reportingRate",
         avg(CASE cell.status WHEN 'NOT_STARTED' THEN 0 WHEN 'LIMITED' THEN 1 / 3.0
                              WHEN 'SUBSTANTIAL' THEN 2 / 3.0 WHEN 'COMPLETE' THEN 1 END)::float8 AS completion,
         count(cell.assessment_score)::int AS "assessedPairs",
         avg(cell.assessment_score)::float8 AS "assessmentAverage",
         ((avg(cell.assessment_score) + 1) / 2 * 100)::float8 AS "assessmentPercent",
         count(*) FILTER (WHERE cell.timeliness = 'ON_TRACK')::int AS "onTrack",
         count(*) FILTER (WHERE cell.timeliness = 'OVERDUE')::int AS overdue,
         count(*) FILTER (WHERE cell.timeliness = 'COMPLETED_ON_TIME')::int AS "completedOnTime",
         count(*) FILTER (WHERE cell.timeliness = 'COMPLETED_LATE')::int AS "completedLate"
  FROM cell JOIN theme t ON t.id = cell.theme_id
  GROUP BY GROUPING SETS (
    (cell.commitment_order, cell.commitment_code),
    (cell.country_order, cell.country_code),
    (t.sort_order, t.key),
    ()
  )
  ORDER BY grouping(cell.commitment_code), grouping(cell.country_code), grouping(t.key),
           cell.commitment_order, cell.commitment_code, cell.country_order, cell.country_code, t.sort_order, t.key`;

/** Today in UTC, the day timeliness is judged on by default. */
export const today = () => new Date().toISOString().slice(0, 10);

/** The matrix and roll-ups of one session, as two named (prepared once) statements. */
export async function sqlFloor(client: pg.ClientBase, sessionNumber: number, asOf: string = today()): Promise<SqlFloorResult> {
  const values = [sessionNumber, asOf];
  const matrix = await client.query<MatrixRow>({ name: "sql-floor-matrix", text: MATRIX, values });
  const rollups = await client.query<RollupRow>({ name: "sql-floor-rollups", text: ROLLUPS, values });
  return { matrix: matrix.rows, rollups: rollups.rows };
}

/** EXPLAIN (ANALYZE, BUFFERS) of both statements, as PostgreSQL prints it. */
export async function explainSqlFloor(client: pg.ClientBase, sessionNumber: number, asOf: string = today()) {
  const explain = async (sql: string) =>
    (await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [sessionNumber, asOf])).rows
      .map((row) => row["QUERY PLAN"])
      .join("\n");
  return { matrix: await explain(MATRIX), rollups: await explain(ROLLUPS) };
}

/** Median and p95 of `runs` executions on one connection, after a few unmeasured ones. */
export async function timeSqlFloor(
  databaseUrl: string,
  sessionNumber: number,
  runs = 30,
  options: { warmup?: number; asOf?: string } = {},
): Promise<Timing> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const asOf = options.asOf ?? today();
    for (let i = 0; i < (options.warmup ?? 5); i++) await sqlFloor(client, sessionNumber, asOf);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await sqlFloor(client, sessionNumber, asOf);
      samples.push(performance.now() - started);
    }
    return summarise(samples);
  } finally {
    await client.end();
  }
}
