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

/**
 * Appends a LIMITED report with `narrative` to a pair's history, as a delegate of the country
 * would. With `secret`, every other free text of the report carries it too: an evidence link, a
 * not-applicable reason, an evidence file's name, and a comment in the pair's thread.
 */
export async function appendReport(
  country: string,
  code: string,
  narrative: string,
  visibility: "RESTRICTED" | "MEMBERS" | "OBSERVERS",
  secret?: string,
): Promise<void> {
  await withDatabase(async (db) => {
    const { rows } = await db.query<{ id: string }>(
      `WITH c AS (SELECT id FROM commitment WHERE code = $1),
            p AS (SELECT version, status FROM pair_status WHERE commitment_id = (SELECT id FROM c) AND country_code = $2),
            u AS (SELECT id FROM app_user WHERE country_code = $2 ORDER BY created_at LIMIT 1),
            r AS (
              INSERT INTO report (id, commitment_id, country_code, version, status, previous_status, narrative, visibility, author_id,
                                  evidence_links, not_applicable_reason)
              SELECT gen_random_uuid(), c.id, $2, coalesce((SELECT version FROM p), 0) + 1, 'LIMITED', (SELECT status FROM p), $3, $5::"Visibility", u.id,
                     CASE WHEN $4::text IS NULL THEN '{}'::text[] ELSE ARRAY['https://evidence.example.org/' || $4::text] END, $4::text
              FROM c, u
              RETURNING id, commitment_id, version, submitted_at
            )
       INSERT INTO pair_status (commitment_id, country_code, version, status, visibility, review_state, latest_report_id, reported_at, updated_at)
       SELECT commitment_id, $2, version, 'LIMITED', $5::"Visibility", 'SUBMITTED', id, submitted_at, submitted_at FROM r
       ON CONFLICT (commitment_id, country_code) DO UPDATE SET
         version = excluded.version, status = excluded.status, visibility = excluded.visibility,
         review_state = excluded.review_state, latest_report_id = excluded.latest_report_id,
         reported_at = excluded.reported_at, updated_at = excluded.updated_at, completed_at = NULL
       RETURNING latest_report_id AS id`,
      [code, country, narrative, secret ?? null, visibility],
    );
    if (!secret) return;
    const pdf = Buffer.from("%PDF-1.4\n");
    await db.query(
      `INSERT INTO evidence_file (id, commitment_id, country_code, uploader_id, report_id, filename, mime_type, size, sha256, content)
       SELECT gen_random_uuid(), r.commitment_id, r.country_code, r.author_id, r.id, $2, 'application/pdf', $3, encode(sha256($4), 'hex'), $4
       FROM report r WHERE r.id = $1`,
      [rows[0]!.id, `${secret}.pdf`, pdf.length, pdf],
    );
    await db.query(
      `INSERT INTO comment (id, commitment_id, country_code, author_id, body)
       SELECT gen_random_uuid(), r.commitment_id, r.country_code, r.author_id, $2 FROM report r WHERE r.id = $1`,
      [rows[0]!.id, `${secret} — thread`],
    );
  });
}

/** Appends a RESTRICTED report with `narrative` (and `secret`, see appendReport) to a pair's history. */
export function appendRestrictedReport(country: string, code: string, narrative: string, secret?: string): Promise<void> {
  return appendReport(country, code, narrative, "RESTRICTED", secret);
}
