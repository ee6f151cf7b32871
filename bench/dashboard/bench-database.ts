// The benchmark's own PostgreSQL: the embedded server in .data/bench (git-ignored, kept
// between runs), a template migrated and seeded with the reference data, and one database
// per data size cloned from it.
import path from "node:path";
import pg from "pg";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from "../../scripts/support/embedded-postgres";
import { run } from "../../scripts/support/run";

const root = path.resolve(import.meta.dirname, "../..");
const TEMPLATE = "dashboard_template";

export function startBenchServer(log?: (line: string) => void): Promise<EmbeddedDatabase> {
  return startEmbeddedPostgres({ dataDir: path.join(root, ".data", "bench", "postgres"), log });
}

/** `work` on a connection of its own to `url`, closed afterwards. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Brings a kept database up to this branch's migrations (idempotent). */
export async function migrateDatabase(url: string): Promise<void> {
  await run("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" }, quiet: true, cwd: root });
}

/** Migrates and seeds the template (both idempotent, so a kept template catches up). */
async function prepareTemplate(server: EmbeddedDatabase): Promise<void> {
  await ensureDatabase(server.adminUrl, TEMPLATE);
  const env = { ...process.env, DATABASE_URL: server.urlFor(TEMPLATE), CHECKPOINT_DISABLE: "1" };
  await migrateDatabase(server.urlFor(TEMPLATE));
  await run("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], { env, quiet: true, cwd: root });
  // A template must have no open connections when it is cloned.
  await withClient(server.adminUrl, (client) =>
    client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [TEMPLATE]),
  );
}

export async function databaseExists(server: EmbeddedDatabase, name: string): Promise<boolean> {
  return withClient(server.adminUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return Boolean(rowCount);
  });
}

/** A fresh, migrated database holding only the reference data; an older one is dropped. */
export async function createReferenceDatabase(server: EmbeddedDatabase, name: string): Promise<string> {
  await prepareTemplate(server);
  await dropDatabase(server.adminUrl, name);
  await ensureDatabase(server.adminUrl, name, TEMPLATE);
  return server.urlFor(name);
}

export type DatabaseSize = { databaseBytes: number; tables: Record<string, number> };

/** On-disk size of the database and of the history tables, indexes and TOAST included. */
export async function measureSize(url: string): Promise<DatabaseSize> {
  return withClient(url, async (client) => {
    // Sizes are only exact once dirty pages reach the files; a checkpoint writes them.
    await client.query("CHECKPOINT");
    const { rows } = await client.query<{ name: string; bytes: string }>(
      `SELECT '' AS name, pg_database_size(current_database()) AS bytes
       UNION ALL
       SELECT t, pg_total_relation_size(t::regclass)
       FROM unnest(ARRAY['report', 'review', 'assessment', 'pair_status', 'commitment']) AS t`,
    );
    const tables: Record<string, number> = {};
    let databaseBytes = 0;
    for (const row of rows) {
      if (row.name === "") databaseBytes = Number(row.bytes);
      else tables[row.name] = Number(row.bytes);
    }
    return { databaseBytes, tables };
  });
}

export function formatBytes(bytes: number): string {
  const units = ["B", "kB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}
