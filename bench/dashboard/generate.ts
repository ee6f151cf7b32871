// Fills a migrated database holding the reference data (member states, themes, the 35th
// session) with a deterministic synthetic history for the dashboard benchmark: sessions up
// to the 40th, 25 commitments each, one delegate per member state, exactly `reports`
// reports, their reviews, assessments and one consistent pair_status row per reported pair.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { withDeferredStructures } from "./bulk-load";
import { copyRows, textArray, type CopyValue } from "./copy-rows";
import {
  buildHistories,
  NO_SCORE,
  NO_STATUS,
  NOT_APPLICABLE,
  REVIEW_DECISIONS,
  REVIEW_STATES,
  STATUSES,
  VISIBILITIES,
  type Histories,
} from "./histories";
import { createRandom } from "./prng";
import {
  BENCH_EMAIL_DOMAIN,
  COMMITMENT_COLUMNS,
  isoTime,
  LAST_SESSION,
  planReferenceRows,
  SESSION_COLUMNS,
  USER_COLUMNS,
  type ReferenceRows,
} from "./reference-rows";
import { NARRATIVES, NOT_APPLICABLE_REASONS, RATIONALES, RETURN_COMMENT } from "./texts";
import { uuidV7 } from "./uuid";

export const DEFAULT_SEED = 40;
export const COMMITMENTS_PER_SESSION = 25;
/** Reports per session when the number of sessions is not given: 10k → 4, 100k and more → 40. */
const REPORTS_PER_SESSION = 2_500;

export type GenerateOptions = {
  reports: number;
  seed?: number;
  /** How many sessions, ending with the 40th. Default: one per 2,500 reports, between 1 and 40. */
  sessions?: number;
  commitmentsPerSession?: number;
  log?: (line: string) => void;
};

export type GenerateSummary = {
  seed: number;
  sessions: number[];
  commitments: number;
  users: number;
  pairs: number;
  reports: number;
  reviews: number;
  assessments: number;
  timings: { planMs: number; loadMs: number; analyzeMs: number; totalMs: number };
};

export function defaultSessionCount(reports: number): number {
  return Math.min(LAST_SESSION, Math.max(1, Math.ceil(reports / REPORTS_PER_SESSION)));
}

/** Loaded without their secondary indexes and foreign keys, which are rebuilt after. */
const HISTORY_TABLES = ["report", "review", "assessment", "pair_status"] as const;

const REPORT_COLUMNS = [
  "id", "commitment_id", "country_code", "version", "status", "previous_status", "not_applicable_reason",
  "narrative", "evidence_links", "visibility", "author_id", "round_id", "submitted_at",
] as const;
const REVIEW_COLUMNS = ["id", "report_id", "decision", "comment", "reviewer_id", "created_at"] as const;
const ASSESSMENT_COLUMNS = [
  "id", "commitment_id", "country_code", "score", "rationale", "assessor_id", "created_at",
] as const;
const PAIR_STATUS_COLUMNS = [
  "commitment_id", "country_code", "version", "status", "visibility", "review_state", "latest_report_id",
  "reported_at", "completed_at", "assessment_score", "assessed_at", "updated_at",
] as const;

const optionalTime = (ms: number) => (Number.isNaN(ms) ? null : isoTime(ms));

type Rows = { histories: Histories; reference: ReferenceRows; countryCodes: readonly string[]; reportIds: string[] };

/** Report ids follow submission order, like the application's uuid(7) defaults. */
function assignReportIds(histories: Histories, seed: number): string[] {
  const random = createRandom(seed, 4);
  const { order, at, count } = histories.reports;
  const ids = new Array<string>(count);
  for (let k = 0; k < count; k++) {
    const i = order[k]!;
    ids[i] = uuidV7(at[i]!, k, random);
  }
  return ids;
}

function* reportRows({ histories, reference, countryCodes, reportIds }: Rows): Generator<CopyValue[]> {
  const r = histories.reports;
  const countries = countryCodes.length;
  for (let k = 0; k < r.count; k++) {
    const i = r.order[k]!;
    const commitment = Math.floor(r.pair[i]! / countries);
    const country = countryCodes[r.pair[i]! % countries]!;
    const status = r.status[i]!;
    const language = r.language[i] as 0 | 1;
    const code = reference.commitmentCodes[commitment]!;
    const links = r.evidence[i]
      ? [`https://evidence.example.org/${country.toLowerCase()}/${code.replace("/", "-")}/v${r.version[i]}`]
      : [];
    yield [
      reportIds[i]!,
      reference.commitmentIds[commitment]!,
      country,
      r.version[i]!,
      STATUSES[status]!,
      r.previous[i] === NO_STATUS ? null : STATUSES[r.previous[i]!]!,
      status === NOT_APPLICABLE ? NOT_APPLICABLE_REASONS[language] : null,
      NARRATIVES[status]![language],
      textArray(links),
      VISIBILITIES[r.visibility[i]!]!,
      reference.delegateIds[r.pair[i]! % countries]!,
      null,
      isoTime(r.at[i]!),
    ];
  }
}

function* reviewRows({ histories, reference, reportIds }: Rows, seed: number): Generator<CopyValue[]> {
  const random = createRandom(seed, 5);
  const v = histories.reviews;
  for (let k = 0; k < v.count; k++) {
    const i = v.order[k]!;
    const returned = v.decision[i] === 1;
    yield [
      uuidV7(v.at[i]!, k, random),
      reportIds[v.report[i]!]!,
      REVIEW_DECISIONS[v.decision[i]!]!,
      returned ? RETURN_COMMENT : "",
      reference.secretariatId,
      isoTime(v.at[i]!),
    ];
  }
}

function* assessmentRows({ histories, reference, countryCodes }: Rows, seed: number): Generator<CopyValue[]> {
  const random = createRandom(seed, 6);
  const a = histories.assessments;
  const countries = countryCodes.length;
  for (let k = 0; k < a.count; k++) {
    const i = a.order[k]!;
    const score = a.score[i]!;
    yield [
      uuidV7(a.at[i]!, k, random),
      reference.commitmentIds[Math.floor(a.pair[i]! / countries)]!,
      countryCodes[a.pair[i]! % countries]!,
      score,
      RATIONALES[(score + 1) as 0 | 1 | 2],
      reference.secretariatId,
      isoTime(a.at[i]!),
    ];
  }
}

function* pairStatusRows({ histories, reference, countryCodes, reportIds }: Rows): Generator<CopyValue[]> {
  const s = histories.pairStatuses;
  const countries = countryCodes.length;
  for (let k = 0; k < s.count; k++) {
    yield [
      reference.commitmentIds[Math.floor(s.pair[k]! / countries)]!,
      countryCodes[s.pair[k]! % countries]!,
      s.version[k]!,
      STATUSES[s.status[k]!]!,
      VISIBILITIES[s.visibility[k]!]!,
      REVIEW_STATES[s.reviewState[k]!]!,
      reportIds[s.latestReport[k]!]!,
      isoTime(s.reportedAt[k]!),
      optionalTime(s.completedAt[k]!),
      s.score[k] === NO_SCORE ? null : s.score[k]!,
      optionalTime(s.assessedAt[k]!),
      isoTime(s.updatedAt[k]!),
    ];
  }
}

async function refuseExistingHistory(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ reports: boolean; pairs: boolean; users: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM report) AS reports, EXISTS (SELECT 1 FROM pair_status) AS pairs,
            EXISTS (SELECT 1 FROM app_user WHERE email LIKE $1) AS users`,
    [`%@${BENCH_EMAIL_DOMAIN}`],
  );
  const found = rows[0];
  if (found?.reports || found?.pairs || found?.users) {
    throw new Error("The database already holds reports or benchmark users: generate into a fresh database.");
  }
}

export async function generateDashboardData(databaseUrl: string, options: GenerateOptions): Promise<GenerateSummary> {
  const seed = options.seed ?? DEFAULT_SEED;
  const commitmentsPerSession = options.commitmentsPerSession ?? COMMITMENTS_PER_SESSION;
  const sessionCount = options.sessions ?? defaultSessionCount(options.reports);
  if (!Number.isSafeInteger(options.reports) || options.reports < 0) throw new Error(`Bad report count: ${options.reports}`);
  if (!Number.isInteger(sessionCount) || sessionCount < 1 || sessionCount > LAST_SESSION) {
    throw new Error(`Sessions must be between 1 and ${LAST_SESSION}, not ${sessionCount}.`);
  }
  const sessionNumbers = Array.from({ length: sessionCount }, (_, i) => LAST_SESSION - sessionCount + 1 + i);
  const log = options.log ?? (() => {});
  const started = performance.now();

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await refuseExistingHistory(client);
    const countryCodes = (await client.query<{ code: string }>("SELECT code FROM country ORDER BY sort_order, code")).rows.map(
      (r) => r.code,
    );
    const themeIds = (await client.query<{ id: string }>("SELECT id FROM theme ORDER BY sort_order, key")).rows.map((r) => r.id);
    if (countryCodes.length === 0 || themeIds.length === 0) {
      throw new Error("Seed the reference data (member states, themes) first: npm run db:seed.");
    }
    // starts_on as text: node-postgres would read a DATE as local midnight.
    const existingSessions = (
      await client.query<{ id: string; number: number; starts_on: string }>(
        "SELECT id, number, starts_on::text FROM council_session WHERE number = ANY($1::int[])",
        [sessionNumbers],
      )
    ).rows.map((s) => ({ id: s.id, number: s.number, startsOn: new Date(`${s.starts_on}T00:00:00Z`) }));
    const codes = sessionNumbers.flatMap((n) => Array.from({ length: commitmentsPerSession }, (_, k) => `${n}/${k + 1}`));
    const existingCommitments = (
      await client.query<{ id: string; code: string; number: number }>(
        `SELECT c.id, c.code, s.number FROM commitment c JOIN council_session s ON s.id = c.session_id
         WHERE c.code = ANY($1::text[])`,
        [codes],
      )
    ).rows.map((c) => ({ id: c.id, code: c.code, sessionNumber: c.number }));

    const reference = planReferenceRows({
      seed,
      sessionNumbers,
      commitmentsPerSession,
      countryCodes,
      themeIds,
      existingSessions,
      existingCommitments,
    });
    const histories = buildHistories({
      seed,
      reports: options.reports,
      sessionStarts: reference.sessionStarts,
      commitmentsPerSession,
      countryCount: countryCodes.length,
    });
    const rows: Rows = { histories, reference, countryCodes, reportIds: assignReportIds(histories, seed) };
    const planned = performance.now();
    log(`planned ${histories.reports.count} reports over ${histories.pairStatuses.count} pairs in ${Math.round(planned - started)} ms`);

    await client.query("BEGIN");
    let rebuilding = 0;
    const load = async (table: string, columns: readonly string[], tableRows: Iterable<CopyValue[]>) => {
      const at = performance.now();
      const count = await copyRows(client, table, columns, tableRows);
      log(`${table}: ${count} rows in ${Math.round(performance.now() - at)} ms`);
      return count;
    };
    await load("council_session", SESSION_COLUMNS, reference.sessions);
    await load("commitment", COMMITMENT_COLUMNS, reference.commitments);
    await load("app_user", USER_COLUMNS, reference.users);
    const counts = await withDeferredStructures(client, HISTORY_TABLES, async () => {
      const reports = await load("report", REPORT_COLUMNS, reportRows(rows));
      const reviews = await load("review", REVIEW_COLUMNS, reviewRows(rows, seed));
      const assessments = await load("assessment", ASSESSMENT_COLUMNS, assessmentRows(rows, seed));
      const pairs = await load("pair_status", PAIR_STATUS_COLUMNS, pairStatusRows(rows));
      rebuilding = performance.now();
      return { reports, reviews, assessments, pairs };
    });
    log(`indexes and foreign keys rebuilt in ${Math.round(performance.now() - rebuilding)} ms`);
    await client.query("COMMIT");
    const loaded = performance.now();

    // Fresh statistics for every table, the reference ones included (a freshly seeded
    // country table has none, and the planner would guess 750 member states).
    await client.query("ANALYZE");
    const analyzed = performance.now();
    log(`analyzed in ${Math.round(analyzed - loaded)} ms`);

    return {
      seed,
      sessions: sessionNumbers,
      commitments: reference.commitmentIds.length,
      users: reference.users.length,
      ...counts,
      timings: {
        planMs: Math.round(planned - started),
        loadMs: Math.round(loaded - planned),
        analyzeMs: Math.round(analyzed - loaded),
        totalMs: Math.round(analyzed - started),
      },
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
