// `npm run db:restore -- FILE [--database NAME]`: restores a backup into a NEW database on the
// same server (never over the live one), in a single transaction, after recreating the roles.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { resolveDatabaseUrl } from "./support/database-url";
import { assertToolsMatchServer, libpqEnv } from "./support/pg-tools";

const root = path.resolve(import.meta.dirname, "..");

/** Roles that do not exist yet; existing ones (e.g. the superuser) are left as they are. */
async function restoreRoles(admin: pg.Client, rolesFile: string): Promise<void> {
  for (const line of readFileSync(rolesFile, "utf8").split("\n")) {
    const create = /^CREATE ROLE ([^;]+);$/.exec(line);
    if (!create) continue;
    const name = create[1]!.replace(/^"|"$/g, "");
    const { rowCount } = await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [name]);
    if (!rowCount) await admin.query(line);
  }
}

export async function restore(url: string, file: string, database: string): Promise<string> {
  if (!existsSync(file)) throw new Error(`No backup at ${file}.`);
  await assertToolsMatchServer(url, "pg_restore");
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount) throw new Error(`Database ${database} already exists: restore into a new database.`);
    if (existsSync(`${file}.roles.sql`)) await restoreRoles(admin, `${file}.roles.sql`);
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${database}`;
  execFileSync("pg_restore", ["--single-transaction", "--exit-on-error", "--no-owner", `--dbname=${database}`, file], {
    env: libpqEnv(target.toString()),
    stdio: ["ignore", "inherit", "inherit"],
  });
  return target.toString();
}

async function main() {
  const { values, positionals } = parseArgs({ options: { database: { type: "string" } }, allowPositionals: true });
  const file = positionals[0];
  if (!file) {
    console.error("Usage: npm run db:restore -- FILE [--database NAME]");
    process.exit(2);
  }
  const database = values.database ?? `tanfeeth_restored_${new Date().toISOString().slice(0, 19).replace(/\D/g, "")}`;
  const url = await restore(resolveDatabaseUrl(root), path.resolve(file), database);
  const shown = new URL(url);
  shown.password = "***";
  console.log(`Restored into ${database} (${shown}). Point DATABASE_URL at it to use it.`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
