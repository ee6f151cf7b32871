import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withClient } from "./bench-database";
import { readDeferredStructures } from "./bulk-load";
import { generateDashboardData, type GenerateSummary } from "./generate";

// Six sessions (35–40), so that the real 35th session and its eight commitments are among
// them; three reports a pair on average, so that histories have several versions.
const OPTIONS = { reports: 6_000, sessions: 6, seed: 11 } as const;
const TABLES = ["council_session", "commitment", "app_user", "report", "review", "assessment", "pair_status"] as const;

const adminUrl = inject("databaseAdminUrl");
const template = inject("templateDatabase");
const clones: string[] = [];

/** A fresh database holding exactly what this file's own database held before generating. */
async function cloneTemplate(): Promise<string> {
  const name = `${template.replace("template", "bench")}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await admin.end();
  clones.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** md5 of every row of every table the generator writes, in primary-key order. */
function checksums(url: string): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    const sums: Record<string, string> = {};
    for (const table of TABLES) {
      const order = table === "pair_status" ? "t.commitment_id, t.country_code" : "t.id";
      const { rows } = await client.query<{ md5: string }>(
        `SELECT md5(string_agg(t::text, E'\\n' ORDER BY ${order})) AS md5 FROM ${client.escapeIdentifier(table)} t`,
      );
      sums[table] = rows[0]!.md5;
    }
    return sums;
  });
}

const url = process.env.DATABASE_URL!;
let summary: GenerateSummary;
let schemaBefore: Awaited<ReturnType<typeof readDeferredStructures>>;
let session35Before: string;

const count = async (sql: string, values: unknown[] = []) =>
  withClient(url, async (client) => Number((await client.query<{ n: string }>(sql, values)).rows[0]!.n));

beforeAll(async () => {
  await withClient(url, async (client) => {
    schemaBefore = await readDeferredStructures(client, ["report", "review", "assessment", "pair_status"]);
    session35Before = (
      await client.query<{ rows: string }>(
        `SELECT string_agg(x::text, E'\\n' ORDER BY x::text) AS rows FROM (
           SELECT s::text AS x FROM council_session s WHERE number = 35
           UNION ALL SELECT c::text FROM commitment c JOIN council_session s ON s.id = c.session_id WHERE s.number = 35) r`,
      )
    ).rows[0]!.rows;
  });
  summary = await generateDashboardData(url, OPTIONS);
}, 60_000);

afterAll(async () => {
  for (const name of clones) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
});

describe("the dashboard benchmark's data generator", () => {
  it("writes exactly the requested reports over sessions 35–40, 25 commitments each", async () => {
    expect(summary.reports).toBe(OPTIONS.reports);
    expect(summary.sessions).toEqual([35, 36, 37, 38, 39, 40]);
    expect(await count("SELECT count(*) AS n FROM report")).toBe(OPTIONS.reports);
    expect(
      await count(`SELECT count(*) AS n FROM (
        SELECT s.number FROM council_session s JOIN commitment c ON c.session_id = s.id
        WHERE s.number BETWEEN 35 AND 40 AND c.code ~ ('^' || s.number || '/([1-9]|1[0-9]|2[0-5])$')
        GROUP BY s.number HAVING count(*) = 25) full_sessions`),
    ).toBe(6);
    expect(await count("SELECT count(*) AS n FROM app_user WHERE email LIKE '%@bench.tanfeeth.org'")).toBe(24);
  });

  it("keeps the real 35th session and its commitments exactly as they were", async () => {
    const after = await withClient(url, async (client) =>
      (
        await client.query<{ rows: string }>(
          `SELECT string_agg(x::text, E'\\n' ORDER BY x::text) AS rows FROM (
             SELECT s::text AS x FROM council_session s WHERE number = 35
             UNION ALL SELECT c::text FROM commitment c JOIN council_session s ON s.id = c.session_id
                       WHERE s.number = 35 AND c.sort_order <= 8) r`,
        )
      ).rows[0]!.rows,
    );
    expect(after).toBe(session35Before);
    expect(await count("SELECT count(*) AS n FROM report r JOIN commitment c ON c.id = r.commitment_id WHERE c.code = '35/6'")).toBeGreaterThan(0);
  });

  it("gives every reported pair one pair_status row whose version counts its reports", async () => {
    expect(
      await count(`SELECT count(*) AS n FROM pair_status p
        FULL JOIN (SELECT commitment_id, country_code, count(*) AS n, max(version) AS top, min(version) AS bottom
                   FROM report GROUP BY 1, 2) r USING (commitment_id, country_code)
        WHERE p.version IS DISTINCT FROM r.n OR r.top IS DISTINCT FROM r.n OR r.bottom <> 1`),
    ).toBe(0);
    expect(await count("SELECT count(*) AS n FROM pair_status")).toBe(summary.pairs);
  });

  it("points latest_report_id at the last version and copies its status, visibility and time", async () => {
    expect(
      await count(`SELECT count(*) AS n FROM pair_status p LEFT JOIN report r ON r.id = p.latest_report_id
        WHERE r.id IS NULL OR r.commitment_id <> p.commitment_id OR r.country_code <> p.country_code
           OR r.version <> p.version OR r.status <> p.status OR r.visibility <> p.visibility
           OR r.submitted_at <> p.reported_at`),
    ).toBe(0);
  });

  it("chains previous_status through consecutive versions, in time order", async () => {
    expect(
      await count(`SELECT count(*) AS n FROM report r
        LEFT JOIN report q ON q.commitment_id = r.commitment_id AND q.country_code = r.country_code AND q.version = r.version - 1
        WHERE r.previous_status IS DISTINCT FROM q.status OR (r.version > 1 AND q.id IS NULL)
           OR q.submitted_at >= r.submitted_at`),
    ).toBe(0);
  });

  it("derives review state, completion time and assessment from the history", async () => {
    expect(
      await count(`SELECT count(*) AS n FROM pair_status p
        LEFT JOIN LATERAL (SELECT decision FROM review v WHERE v.report_id = p.latest_report_id
                           ORDER BY v.created_at DESC LIMIT 1) v ON true
        WHERE p.review_state::text <> CASE v.decision WHEN 'VALIDATE' THEN 'VALIDATED' WHEN 'RETURN' THEN 'RETURNED' ELSE 'SUBMITTED' END`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM pair_status p
        LEFT JOIN LATERAL (
          SELECT min(r.submitted_at) AS since FROM report r
          WHERE r.commitment_id = p.commitment_id AND r.country_code = p.country_code
            AND r.version > coalesce((SELECT max(q.version) FROM report q WHERE q.commitment_id = p.commitment_id
                                        AND q.country_code = p.country_code AND q.status <> 'COMPLETE'), 0)) c ON true
        WHERE p.completed_at IS DISTINCT FROM CASE WHEN p.status = 'COMPLETE' THEN c.since END`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM pair_status p
        LEFT JOIN LATERAL (SELECT score, created_at FROM assessment a
                           WHERE a.commitment_id = p.commitment_id AND a.country_code = p.country_code
                           ORDER BY a.created_at DESC LIMIT 1) a ON true
        WHERE p.assessment_score IS DISTINCT FROM a.score OR p.assessed_at IS DISTINCT FROM a.created_at`),
    ).toBe(0);
  });

  it("writes reports by the country's delegate, reviews and assessments by the secretariat", async () => {
    expect(
      await count(`SELECT count(*) AS n FROM report r JOIN app_user u ON u.id = r.author_id
        WHERE u.role <> 'DELEGATE' OR u.country_code <> r.country_code`),
    ).toBe(0);
    expect(
      await count(`SELECT (SELECT count(*) FROM review v JOIN app_user u ON u.id = v.reviewer_id WHERE u.role <> 'SECRETARIAT')
                        + (SELECT count(*) FROM assessment a JOIN app_user u ON u.id = a.assessor_id WHERE u.role <> 'SECRETARIAT')
                        + (SELECT count(*) FROM review v JOIN report r ON r.id = v.report_id WHERE v.created_at <= r.submitted_at)
                        + (SELECT count(*) FROM assessment a LEFT JOIN pair_status p USING (commitment_id, country_code)
                           WHERE p.commitment_id IS NULL) AS n`),
    ).toBe(0);
  });

  it("has the variety a dashboard shows: every status, not-applicable reasons, reviews, assessments", async () => {
    const statuses = await withClient(url, async (client) =>
      (await client.query<{ status: string }>("SELECT DISTINCT status::text FROM pair_status ORDER BY 1")).rows.map((r) => r.status),
    );
    expect(statuses).toEqual(["COMPLETE", "LIMITED", "NOT_APPLICABLE", "NOT_STARTED", "SUBSTANTIAL"]);
    expect(await count("SELECT count(DISTINCT visibility) AS n FROM report")).toBe(3);
    expect(await count("SELECT count(*) AS n FROM report WHERE status = 'COMPLETE' AND previous_status = 'SUBSTANTIAL'")).toBeGreaterThan(0);
    expect(summary.reviews).toBeGreaterThan(OPTIONS.reports / 2);
    expect(summary.assessments).toBeGreaterThan(summary.pairs / 4);
    expect(await count("SELECT count(*) AS n FROM commitment WHERE due_date IS NOT NULL AND code LIKE '40/%'")).toBeGreaterThan(0);
  });

  it("leaves every index and foreign key of the history tables as the migrations made them", async () => {
    const after = await withClient(url, (client) => readDeferredStructures(client, ["report", "review", "assessment", "pair_status"]));
    expect(after).toEqual(schemaBefore);
    expect(after.indexes.length).toBeGreaterThan(5);
    expect(after.foreignKeys.length).toBeGreaterThan(5);
  });

  it("refuses a database that already holds reports", async () => {
    await expect(generateDashboardData(url, OPTIONS)).rejects.toThrow(/fresh database/);
  });

  it("writes byte-identical data for the same seed, and other data for another seed", async () => {
    const [sameA, sameB, other] = [await cloneTemplate(), await cloneTemplate(), await cloneTemplate()];
    await generateDashboardData(sameA, OPTIONS);
    await generateDashboardData(sameB, OPTIONS);
    await generateDashboardData(other, { ...OPTIONS, seed: OPTIONS.seed + 1 });
    const [mine, a, b, c] = await Promise.all([checksums(url), checksums(sameA), checksums(sameB), checksums(other)]);
    expect(a).toEqual(mine);
    expect(b).toEqual(mine);
    expect(c.report).not.toBe(mine.report);
    expect(c.pair_status).not.toBe(mine.pair_status);
  }, 60_000);
});
