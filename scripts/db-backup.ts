// `npm run db:backup [-- --out FILE]`: a custom-format dump (pg_dump -Fc) of the database,
// and beside it the roles it needs (pg_dumpall --roles-only), as FILE and FILE.roles.sql.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { resolveDatabaseUrl } from "./support/database-url";
import { assertToolsMatchServer, libpqEnv } from "./support/pg-tools";

const root = path.resolve(import.meta.dirname, "..");

export async function backup(url: string, out: string): Promise<{ dump: string; roles: string }> {
  await assertToolsMatchServer(url, "pg_dump");
  mkdirSync(path.dirname(out), { recursive: true });
  const env = libpqEnv(url);
  execFileSync("pg_dump", ["--format=custom", "--no-owner", `--file=${out}`], { env, stdio: ["ignore", "inherit", "inherit"] });
  const roles = `${out}.roles.sql`;
  // Passwords stay out of the file: a restore recreates the roles, credentials are set anew.
  const sql = execFileSync("pg_dumpall", ["--roles-only", "--no-role-passwords"], { env, encoding: "utf8" });
  writeFileSync(roles, sql, { mode: 0o600 });
  return { dump: out, roles };
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const out = path.resolve(values.out ?? path.join(root, "backups", `tanfeeth-${stamp}.dump`));
  const { dump, roles } = await backup(resolveDatabaseUrl(root), out);
  console.log(`Backed up to ${dump}\n      roles in ${roles}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
