// One PostgreSQL for the whole integration run: the embedded server in a fresh directory,
// or the server of DATABASE_URL. A template database is migrated and seeded with the
// reference data once; every test file then gets its own clone of it.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from "../../scripts/support/embedded-postgres";
import { run } from "../../scripts/support/run";

declare module "vitest" {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    templateDatabase: string;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export default async function setup(project: TestProject) {
  const runId = `${process.pid}_${randomBytes(3).toString("hex")}`;
  const root = path.resolve(import.meta.dirname, "../..");
  const dataDir = path.join(root, ".data", `test-${runId}`);
  const external = process.env.DATABASE_URL;
  const server = external ? null : await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
  const adminUrl = external ?? server!.adminUrl;
  const template = `tanfeeth_template_${runId}`;

  await ensureDatabase(adminUrl, template);
  const templateUrl = withDatabase(adminUrl, template);
  const env = { ...process.env, DATABASE_URL: templateUrl, CHECKPOINT_DISABLE: "1" };
  await run("npx", ["prisma", "migrate", "deploy"], { env, quiet: true, cwd: root });
  await run("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], { env, quiet: true, cwd: root });
  // A template must have no open connections when it is cloned.
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [template]);
  await client.end();

  project.provide("databaseAdminUrl", adminUrl);
  project.provide("templateDatabase", template);

  return async () => {
    if (server) {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    } else {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE $1",
        [`%${runId}%`],
      );
      await admin.end();
      for (const { datname } of rows) await dropDatabase(adminUrl, datname);
    }
  };
}
