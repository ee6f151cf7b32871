// Times the SQL floor on a generated database, and shows its plans:
//   npx tsx bench/dashboard/sql-floor-cli.ts --reports 1M [--session 40] [--runs 30] [--explain]
//   npx tsx bench/dashboard/sql-floor-cli.ts --database-url postgresql://… [--session 40]
import { parseArgs } from "node:util";
import pg from "pg";
import { databaseExists, startBenchServer } from "./bench-database";
import { databaseNameFor, parseCount } from "./cli-args";
import { DEFAULT_SEED } from "./generate";
import { LAST_SESSION } from "./reference-rows";
import { explainSqlFloor, timeSqlFloor } from "./sql-floor";

const { values } = parseArgs({
  options: {
    reports: { type: "string" },
    seed: { type: "string" },
    sessions: { type: "string" },
    "database-url": { type: "string" },
    session: { type: "string", default: String(LAST_SESSION) },
    runs: { type: "string", default: "30" },
    explain: { type: "boolean", default: false },
  },
});

async function main() {
  let url = values["database-url"];
  if (!url && !values.reports) throw new Error("Usage: sql-floor-cli.ts (--reports <count> | --database-url <url>) [--session n] [--runs n] [--explain]");
  const server = url ? null : await startBenchServer();
  try {
    if (server) {
      const seed = values.seed === undefined ? DEFAULT_SEED : parseCount(values.seed);
      const sessions = values.sessions === undefined ? undefined : parseCount(values.sessions);
      const name = databaseNameFor(parseCount(values.reports!), seed, DEFAULT_SEED, sessions);
      if (!(await databaseExists(server, name))) throw new Error(`${name} does not exist: run generate-cli.ts first.`);
      url = server.urlFor(name);
    }
    const session = parseCount(values.session);
    const timing = await timeSqlFloor(url!, session, parseCount(values.runs));
    console.log(`SQL floor, session ${session}: median ${timing.medianMs} ms, p95 ${timing.p95Ms} ms (${timing.runs} runs)`);
    console.log(JSON.stringify(timing));
    if (values.explain) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const plans = await explainSqlFloor(client, session);
        console.log(`\nMatrix:\n${plans.matrix}\n\nRoll-ups:\n${plans.rollups}`);
      } finally {
        await client.end();
      }
    }
  } finally {
    await server?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
