// What the database holds, as one comparable value: per application table, its row count and
// the md5 of its rows' text in order. Equal fingerprints before and after a refused request
// mean it wrote nothing at all — not a row, not a column.
import pg from "pg";
import { env } from "@/lib/env";

export type Fingerprint = ReadonlyMap<string, string>;

let client: pg.Client | null = null;
let tables: string[] | null = null;

async function connection(): Promise<pg.Client> {
  if (!client) {
    client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
  }
  return client;
}

/** The application's tables: everything but Prisma's migration history (and the row counters below). */
export async function applicationTables(): Promise<string[]> {
  if (!tables) {
    const { rows } = await (await connection()).query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('_prisma_migrations', 'hostile_row_changes') ORDER BY tablename",
    );
    tables = rows.map((row) => row.name);
  }
  return tables;
}

/** One query over every application table (or the ones named): `table → "count:md5"`. */
export async function databaseFingerprint(only?: readonly string[]): Promise<Fingerprint> {
  const names = only ? (await applicationTables()).filter((table) => only.includes(table)) : await applicationTables();
  if (names.length === 0) return new Map();
  // Table names come from the catalog, not from any input.
  const text = names
    .map((table) => `SELECT '${table}' AS name, count(*) || ':' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS print FROM "${table}" t`)
    .join(" UNION ALL ");
  const { rows } = await (await connection()).query<{ name: string; print: string }>(text);
  return new Map(rows.map((row) => [row.name, row.print]));
}

/** The tables whose content differs between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((table) => before.get(table) !== after.get(table)).sort();
}

export async function closeFingerprintConnection(): Promise<void> {
  await client?.end();
  client = null;
}

// ── Row changes, counted as they commit ───────────────────────────────────────────────────
// Fingerprinting every table before and after each of 1,000 inputs per endpoint costs more than
// the calls themselves. The cheaper fingerprint: a trigger on every application table counts
// the rows each committed transaction inserts, deletes or updates into different text (a
// rolled-back transaction takes its counts with it; an UPDATE that leaves a row's text as it
// was is not counted). Counts that did not move mean the same as equal fingerprints: nothing
// changed, byte for byte.

export type RowChanges = ReadonlyMap<string, number>;

/** Installs the row counters in this test file's own database (idempotent). */
export async function countRowChanges(): Promise<void> {
  const db = await connection();
  await db.query(`
    CREATE TABLE IF NOT EXISTS hostile_row_changes (table_name text PRIMARY KEY, rows bigint NOT NULL);
    CREATE OR REPLACE FUNCTION hostile_count_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND OLD::text IS NOT DISTINCT FROM NEW::text THEN
        RETURN NULL;
      END IF;
      INSERT INTO hostile_row_changes AS c (table_name, rows) VALUES (TG_TABLE_NAME, 1)
        ON CONFLICT (table_name) DO UPDATE SET rows = c.rows + 1;
      RETURN NULL;
    END $$;`);
  for (const table of await applicationTables()) {
    await db.query(`
      CREATE OR REPLACE TRIGGER zz_hostile_rows AFTER INSERT OR UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION hostile_count_row_change();
      CREATE OR REPLACE TRIGGER zz_hostile_truncate AFTER TRUNCATE ON "${table}"
        FOR EACH STATEMENT EXECUTE FUNCTION hostile_count_row_change();`);
  }
}

export async function rowChanges(): Promise<RowChanges> {
  const { rows } = await (await connection()).query<{ table_name: string; rows: string }>({
    name: "hostile_row_changes",
    text: "SELECT table_name, rows FROM hostile_row_changes",
  });
  return new Map(rows.map((row) => [row.table_name, Number(row.rows)]));
}

/** Tables with rows written between two counts, and how many. */
export function writtenTables(before: RowChanges, after: RowChanges): Record<string, number> {
  return Object.fromEntries(
    [...after].filter(([table, count]) => count !== (before.get(table) ?? 0)).map(([table, count]) => [table, count - (before.get(table) ?? 0)]),
  );
}
