// Direct access to the browser tests' database, to arrange data and check what was written.
import { readFileSync } from "node:fs";
import pg from "pg";
import { E2E_DATA_DIR } from "./constants";

export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: readFileSync(`${E2E_DATA_DIR}/database-url`, "utf8").trim() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Appends a LIMITED report with `narrative` to a pair's history, as a delegate of the country would. */
export async function appendReport(country: string, code: string, narrative: string, visibility: "RESTRICTED" | "MEMBERS" | "OBSERVERS"): Promise<void> {
  await withDatabase(async (db) => {
    await db.query(
      `WITH c AS (SELECT id FROM commitment WHERE code = $1),
            p AS (SELECT version, status FROM pair_status WHERE commitment_id = (SELECT id FROM c) AND country_code = $2),
            u AS (SELECT id FROM app_user WHERE country_code = $2 ORDER BY created_at LIMIT 1),
            r AS (
              INSERT INTO report (id, commitment_id, country_code, version, status, previous_status, narrative, visibility, author_id)
              SELECT gen_random_uuid(), c.id, $2, coalesce((SELECT version FROM p), 0) + 1, 'LIMITED', (SELECT status FROM p), $3, $4::"Visibility", u.id
              FROM c, u
              RETURNING id, commitment_id, version, submitted_at
            )
       INSERT INTO pair_status (commitment_id, country_code, version, status, visibility, review_state, latest_report_id, reported_at, updated_at)
       SELECT commitment_id, $2, version, 'LIMITED', $4::"Visibility", 'SUBMITTED', id, submitted_at, submitted_at FROM r
       ON CONFLICT (commitment_id, country_code) DO UPDATE SET
         version = excluded.version, status = excluded.status, visibility = excluded.visibility,
         review_state = excluded.review_state, latest_report_id = excluded.latest_report_id,
         reported_at = excluded.reported_at, updated_at = excluded.updated_at, completed_at = NULL`,
      [code, country, narrative, visibility],
    );
  });
}

/** Appends a RESTRICTED report with `narrative` to a pair's history, as a delegate of the country would. */
export function appendRestrictedReport(country: string, code: string, narrative: string): Promise<void> {
  return appendReport(country, code, narrative, "RESTRICTED");
}
